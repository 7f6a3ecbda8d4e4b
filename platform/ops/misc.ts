import { z } from 'zod';
import { AccountSSOConfig, AccountUserFederation } from '../../shared/model';
import type { Ctx } from '../api/access';
import { deleteRecord, getRecord, insertRecord, updateRecord, type Doc, type Q } from '../db/records';
import { badRequest, forbidden } from '../errors';
import { mustBeUser, mustExist, newId, parseBody } from './common';
import type { TypeWrites } from './index';

const onOwnAccount = (ctx: Ctx, accountId: string) => {
  if (!ctx.isPrimary && accountId !== ctx.accountId) throw forbidden(`account ${ctx.accountId} can only change its own settings`);
};

/** UPDATE creates the configuration when the account has none (the vendor's SSO page does too). */
const updateSso = async (tx: Q, ctx: Ctx, raw: Doc, id: string): Promise<Doc> => {
  const b = parseBody('AccountSSOConfig', AccountSSOConfig.partial(), raw);
  if (b.accountId !== undefined && b.accountId !== id) throw badRequest(`the body's accountId ${b.accountId} differs from the URL's ${id}`);
  onOwnAccount(ctx, id);
  await mustExist(tx, ctx, 'Account', id);
  const old = await getRecord(tx, 'AccountSSOConfig', [ctx.tenant], id);
  const doc: Doc = { ...(old ?? {}), ...b, '@type': 'AccountSSOConfig', accountId: id };
  if (old) await updateRecord(tx, 'AccountSSOConfig', ctx.tenant, id, doc);
  else await insertRecord(tx, 'AccountSSOConfig', ctx.tenant, id, doc);
  return doc;
};

const deleteSso = async (tx: Q, ctx: Ctx, _b: Doc, id: string): Promise<void> => {
  onOwnAccount(ctx, id);
  await mustExist(tx, ctx, 'AccountSSOConfig', id);
  await deleteRecord(tx, 'AccountSSOConfig', ctx.tenant, id);
};

const createFederation = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('AccountUserFederation', AccountUserFederation.omit({ id: true }), raw);
  onOwnAccount(ctx, b.accountId);
  await mustExist(tx, ctx, 'Account', b.accountId);
  await mustBeUser(tx, ctx, b.userId);
  // The vendor synthesises this id from its parts; ours only needs to be unique per account+user.
  const id = Buffer.from(`AUF\u001f${b.accountId}\u001f${b.userId}`).toString('base64url');
  const doc = { '@type': 'AccountUserFederation', id, accountId: b.accountId, userId: b.userId, federationId: b.federationId };
  await insertRecord(tx, 'AccountUserFederation', ctx.tenant, id, doc);
  return doc;
};

const updateFederation = async (tx: Q, ctx: Ctx, raw: Doc, id: string): Promise<Doc> => {
  const b = parseBody('AccountUserFederation', z.object({ federationId: z.string().min(1) }).passthrough(), raw);
  const old = await mustExist(tx, ctx, 'AccountUserFederation', id);
  const doc = { ...old, federationId: b.federationId };
  await updateRecord(tx, 'AccountUserFederation', ctx.tenant, id, doc);
  return doc;
};

const deleteFederation = async (tx: Q, ctx: Ctx, _b: Doc, id: string): Promise<void> => {
  await mustExist(tx, ctx, 'AccountUserFederation', id);
  await deleteRecord(tx, 'AccountUserFederation', ctx.tenant, id);
};

const UserBody = z.object({
  userId: z.string().trim().min(3).max(255).regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address'),
  firstName: z.string().max(255).optional(),
  lastName: z.string().max(255).optional(),
  entityId: z.string().min(1).optional(),
});

/** Extension: a user "logs in for the first time", which is what makes them assignable. */
const createUser = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('User', UserBody, raw);
  if (b.entityId) await mustExist(tx, ctx, 'Entity', b.entityId);
  const doc = { '@type': 'User', ...b };
  await insertRecord(tx, 'User', ctx.tenant, b.userId, doc);
  return doc;
};

const createEntity = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('Entity', z.object({ id: z.string().min(1).max(255).optional(), name: z.string().trim().min(1).max(255) }), raw);
  const id = b.id ?? `entity-${newId()}`;
  const doc = { '@type': 'Entity', id, name: b.name };
  await insertRecord(tx, 'Entity', ctx.tenant, id, doc);
  return doc;
};

export const ssoWrites: TypeWrites = { update: updateSso, remove: deleteSso };
export const federationWrites: TypeWrites = { create: createFederation, update: updateFederation, remove: deleteFederation };
export const userWrites: TypeWrites = { create: createUser };
export const entityWrites: TypeWrites = { create: createEntity };
