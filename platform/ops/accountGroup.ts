import { z } from 'zod';
import { AlertLevel } from '../../shared/model';
import type { Ctx } from '../api/access';
import { insertRecord, updateRecord, type Doc, type Q } from '../db/records';
import { badRequest, conflict, forbidden } from '../errors';
import { accountsOfGroup, dropUnsharedAssignments } from './cascade';
import { mustExist, newId, parseBody } from './common';
import type { TypeWrites } from './index';
import { asResources, resolveResources, resourcesOf } from './resources';

const GroupBody = z.object({
  id: z.string().optional(),
  accountId: z.string().optional(),
  name: z.string().trim().min(1, 'must not be empty').max(255).optional(),
  defaultGroup: z.boolean().optional(),
  autoSubscribeAlertLevel: AlertLevel.optional(),
  Resources: z.unknown().optional(),
});

const nameTaken = async (tx: Q, ctx: Ctx, name: string, exceptId?: string): Promise<boolean> => {
  const r = await tx.query(
    `select 1 from records where type = 'AccountGroup' and owner = $1 and lower(doc->>'name') = lower($2) and id <> $3 limit 1`,
    [ctx.tenant, name, exceptId ?? ''],
  );
  return r.rows.length > 0;
};

/** CREATE: a new, empty group of the primary account (R1, R2); All Accounts is never made here (R3). */
const create = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('AccountGroup', GroupBody, raw);
  if (b.accountId !== undefined && b.accountId !== ctx.accountId) {
    throw forbidden(`groups of account ${ctx.accountId} are created through its own URL, not for ${b.accountId}`);
  }
  if (!b.name) throw badRequest('invalid AccountGroup: name is required');
  if (b.defaultGroup) throw badRequest('All Accounts is created with the primary account; no other group can be the default group (R3)');
  if (await nameTaken(tx, ctx, b.name)) throw conflict(`an account group named "${b.name}" already exists`);
  const resources = b.Resources === undefined ? [] : await resolveResources(tx, ctx, b.Resources, []);
  const id = newId();
  const doc: Doc = {
    '@type': 'AccountGroup', id, accountId: ctx.tenant, name: b.name, defaultGroup: false,
    autoSubscribeAlertLevel: b.autoSubscribeAlertLevel ?? 'none', Resources: asResources(resources),
  };
  await insertRecord(tx, 'AccountGroup', ctx.tenant, id, doc);
  return doc;
};

/**
 * UPDATE: name, alert level and Resources (replaced when given, kept when omitted). R3: All
 * Accounts keeps its name and flag. R20: a role no longer shared leaves the group's accounts.
 */
const update = async (tx: Q, ctx: Ctx, raw: Doc, id: string): Promise<Doc> => {
  const b = parseBody('AccountGroup', GroupBody, raw);
  if (b.id !== undefined && b.id !== id) throw badRequest(`the body's id ${b.id} differs from the URL's ${id}`);
  const g = await mustExist(tx, ctx, 'AccountGroup', id);
  if (b.accountId !== undefined && b.accountId !== g.accountId) throw badRequest('a group cannot move to another account');
  if (b.defaultGroup !== undefined && b.defaultGroup !== g.defaultGroup) throw badRequest('defaultGroup cannot be changed (R3)');
  if (g.defaultGroup && b.name !== undefined && b.name !== g.name) throw badRequest('All Accounts cannot be renamed (R3)');
  if (b.name !== undefined && b.name !== g.name && (await nameTaken(tx, ctx, b.name, id))) {
    throw conflict(`an account group named "${b.name}" already exists`);
  }
  const before = resourcesOf(g);
  const after = b.Resources === undefined ? before : await resolveResources(tx, ctx, b.Resources, before);
  const doc: Doc = {
    ...g, name: b.name ?? g.name, autoSubscribeAlertLevel: b.autoSubscribeAlertLevel ?? g.autoSubscribeAlertLevel, Resources: asResources(after),
  };
  await updateRecord(tx, 'AccountGroup', ctx.tenant, id, doc);
  const unshared = before.filter((r) => r.objectType === 'Role' && !after.some((a) => a.objectType === 'Role' && a.resourceId === r.resourceId));
  if (unshared.length) {
    const roleIds = unshared.map((r) => r.resourceId);
    // R20: the group's own users lose the role in it, and direct assignments relying on it go too.
    await tx.query(
      `delete from records where type = 'AccountGroupUserRole' and owner = $1 and doc->>'accountGroupId' = $2 and doc->>'roleId' = any($3)`,
      [ctx.tenant, id, roleIds],
    );
    await dropUnsharedAssignments(tx, ctx.tenant, await accountsOfGroup(tx, ctx.tenant, id), roleIds);
  }
  return doc;
};

export const accountGroupWrites: TypeWrites = { create, update };
