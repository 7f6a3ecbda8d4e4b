import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ObjectType } from '../../shared/model';
import { parseLinkId } from '../../shared/model';
import type { Ctx } from '../api/access';
import { loadVisible } from '../api/read';
import { deleteRecord, getRecord, insertRecord, safeField, type Doc, type Q } from '../db/records';
import { badRequest, conflict, notFound } from '../errors';
import { notifyDefault, sendNotification } from '../profile/behaviours';
import { opaqueId } from '../profile/opaque';
import { BUILT_IN_OWNER } from '../types';

export const newId = (): string => randomUUID();

/** Validates a body with the shared zod schema; every problem is named in one 400. */
export const parseBody = <S extends z.ZodType>(type: string, schema: S, body: Doc): z.infer<S> => {
  const r = schema.safeParse(body);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw badRequest(`invalid ${type}: ${issues}`);
  }
  return r.data;
};

/** A record the body refers to, which must exist in the request's tenant (403 elsewhere, 404 nowhere). */
export const mustExist = (tx: Q, ctx: Ctx, type: ObjectType, id: string): Promise<Doc> => loadVisible(tx, ctx, type, id);

/**
 * The id of a new link: derived from its parts on the roster profile (shared/model/ids), opaque
 * on the vendor profile, where clients must use the id the API returned.
 */
export const linkId = (ctx: Ctx, derived: string): string => (ctx.vendor ? opaqueId() : derived);

/** One link per natural key, whatever its id: a second create of the same link is a 409. */
export const refuseDuplicateLink = async (tx: Q, ctx: Ctx, type: ObjectType, key: Record<string, string>): Promise<void> => {
  const fields = Object.keys(key);
  const where = fields.map((f, i) => `(doc->>'${safeField(f)}') = $${i + 3}`).join(' and ');
  const r = await tx.query(`select 1 from records where type = $1 and owner = $2 and ${where} limit 1`, [type, ctx.tenant, ...fields.map((f) => key[f])]);
  if (r.rows.length) throw conflict(`${type} ${fields.map((f) => `${f}=${key[f]}`).join(', ')} already exists`);
};

/** A link id must be one of ours, of the right kind; otherwise nothing can have it (roster profile only). */
const linkParts = (ctx: Ctx, kind: string, type: string, id: string): string[] => {
  if (ctx.vendor) return [];
  const parsed = parseLinkId(id);
  if (!parsed || parsed.kind !== kind) throw notFound(`${type} ${id} not found (not a ${type} id)`);
  return parsed.parts;
};

/** The link a DELETE names: an id of the right kind (roster profile) of a record the tenant has. */
export const existingLink = (tx: Q, ctx: Ctx, kind: string, type: ObjectType, id: string): Promise<Doc> => {
  linkParts(ctx, kind, type, id);
  return mustExist(tx, ctx, type, id);
};

/** Deletes a link with no cascade of its own; returns the record it was. */
export const removeLink = async (tx: Q, ctx: Ctx, kind: string, type: ObjectType, id: string): Promise<Doc> => {
  const link = await existingLink(tx, ctx, kind, type, id);
  await deleteRecord(tx, type, ctx.tenant, id);
  return link;
};

/** A user's role link (in a group or on an account): it carries the user's names and, as the profile defaults it, notifyUser. */
export const insertUserRoleLink = async (tx: Q, ctx: Ctx, type: ObjectType, id: string, fields: Doc, user: Doc, notifyUser: boolean | undefined): Promise<Doc> => {
  const doc: Doc = { '@type': type, id, ...fields, ...names(user) };
  const notify = notifyDefault(ctx, notifyUser);
  if (notify !== undefined) doc.notifyUser = notify;
  await insertRecord(tx, type, ctx.tenant, id, doc);
  sendNotification(ctx, doc);
  return doc;
};

/** "A user must exist (have logged in) before joining a group", as the vendor refuses it. */
export const mustBeUser = async (tx: Q, ctx: Ctx, userId: string): Promise<Doc> => {
  const u = await getRecord(tx, 'User', [ctx.tenant], userId);
  if (!u) throw badRequest(`user ${userId} does not exist: a user must have logged in before being given roles or access`);
  return u;
};

/** A role usable in this tenant: built-in (account "1") or one of its own custom roles. */
export const mustBeRole = async (tx: Q, ctx: Ctx, roleId: string): Promise<{ doc: Doc; builtIn: boolean }> => {
  const builtIn = await getRecord(tx, 'Role', [BUILT_IN_OWNER], roleId);
  if (builtIn) return { doc: builtIn, builtIn: true };
  const custom = await getRecord(tx, 'Role', [ctx.tenant], roleId);
  if (!custom) throw badRequest(`role ${roleId} does not exist in account ${ctx.tenant}`);
  return { doc: custom, builtIn: false };
};

const names = (user: Doc): Doc => {
  const out: Doc = {};
  if (typeof user.firstName === 'string') out.firstName = user.firstName;
  if (typeof user.lastName === 'string') out.lastName = user.lastName;
  return out;
};

/** Lists at most `max` items then "and N more", for refusals that name who is affected. */
export const listSome = (items: string[], max = 10): string =>
  items.slice(0, max).join(', ') + (items.length > max ? ` and ${items.length - max} more` : '');
