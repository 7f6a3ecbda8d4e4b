import { z } from 'zod';
import { accountUserRoleId, BUILT_IN_ROLE_ACCOUNT } from '../../shared/model';
import type { Ctx } from '../api/access';
import { sharedRoleIds } from '../api/read';
import { deleteRecord, getRecord, insertRecord, updateRecord, type Doc, type Q } from '../db/records';
import { badRequest, conflict, forbidden } from '../errors';
import { BUILT_IN_OWNER } from '../types';
import { insertUserRoleLink, linkId, listSome, mustBeRole, mustBeUser, mustExist, newId, parseBody, refuseDuplicateLink, removeLink } from './common';
import { leaveAccountWithLastRole, userOrNew } from '../profile/behaviours';
import type { TypeWrites } from './index';
import { asResources, resourcesOf } from './resources';

const RoleBody = z.object({
  id: z.string().optional(),
  accountId: z.string().optional(),
  name: z.string().trim().min(1, 'must not be empty').max(255).optional(),
  Description: z.string().max(4000).optional(),
  parentId: z.string().optional(),
  Privileges: z.object({ Privilege: z.array(z.object({ name: z.string().min(1).max(255) })).optional() }).passthrough().optional(),
});

const privileges = (p: z.infer<typeof RoleBody>['Privileges']) => ({
  '@type': 'Privileges', Privilege: (p?.Privilege ?? []).map((x) => ({ '@type': 'Privilege', name: x.name })),
});

const nameTaken = async (tx: Q, ctx: Ctx, name: string, exceptId: string): Promise<boolean> => {
  const r = await tx.query(`select 1 from records where type = 'Role' and owner = any($1) and lower(doc->>'name') = lower($2) and id <> $3 limit 1`, [
    [ctx.tenant, BUILT_IN_OWNER], name, exceptId,
  ]);
  return r.rows.length > 0;
};

/** R14: built-in roles live in account "1" and are never changed. */
const refuseBuiltIn = async (tx: Q, id: string, verb: string) => {
  if (await getRecord(tx, 'Role', [BUILT_IN_OWNER], id)) throw forbidden(`built-in roles cannot be ${verb} (R14)`);
};

const createRole = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('Role', RoleBody, raw);
  if (b.accountId === BUILT_IN_ROLE_ACCOUNT) throw forbidden('roles cannot be created in account "1", which holds the built-in roles (R14)');
  if (b.accountId !== undefined && b.accountId !== ctx.accountId) throw forbidden(`roles of account ${ctx.accountId} are created through its own URL`);
  if (!b.name) throw badRequest('invalid Role: name is required');
  if (b.parentId) await mustBeRole(tx, ctx, b.parentId);
  const id = newId();
  if (await nameTaken(tx, ctx, b.name, id)) throw conflict(`a role named "${b.name}" already exists`);
  const doc: Doc = { '@type': 'Role', id, accountId: ctx.tenant, name: b.name, Privileges: privileges(b.Privileges) };
  if (b.Description !== undefined) doc.Description = b.Description;
  if (b.parentId) doc.parentId = b.parentId;
  await insertRecord(tx, 'Role', ctx.tenant, id, doc);
  return doc;
};

/** R17: privileges are read live, so every holder of the role has the new ones at once. */
const updateRole = async (tx: Q, ctx: Ctx, raw: Doc, id: string): Promise<Doc> => {
  await refuseBuiltIn(tx, id, 'changed');
  const b = parseBody('Role', RoleBody, raw);
  if (b.id !== undefined && b.id !== id) throw badRequest(`the body's id ${b.id} differs from the URL's ${id}`);
  const role = await mustExist(tx, ctx, 'Role', id);
  if (b.name && b.name !== role.name && (await nameTaken(tx, ctx, b.name, id))) throw conflict(`a role named "${b.name}" already exists`);
  if (b.parentId) await mustBeRole(tx, ctx, b.parentId);
  const doc: Doc = { ...role, name: b.name ?? role.name };
  if (b.Privileges !== undefined) doc.Privileges = privileges(b.Privileges);
  if (b.Description !== undefined) doc.Description = b.Description;
  if (b.parentId !== undefined) doc.parentId = b.parentId;
  await updateRecord(tx, 'Role', ctx.tenant, id, doc);
  // Groups show a shared role by name; keep their Resources in step with a rename.
  if (doc.name !== role.name) await renameResource(tx, ctx.tenant, id, String(doc.name));
  return doc;
};

const holders = async (tx: Q, tenant: string, roleId: string): Promise<string[]> => {
  const r = await tx.query<{ u: string }>(
    `select distinct doc->>'userId' as u from records where type in ('AccountUserRole', 'AccountGroupUserRole') and owner = $1 and doc->>'roleId' = $2 order by 1`,
    [tenant, roleId],
  );
  return r.rows.map((x) => x.u);
};

const groupsSharing = async (tx: Q, tenant: string, roleId: string): Promise<Doc[]> => {
  const r = await tx.query<{ doc: Doc }>(
    `select doc from records where type = 'AccountGroup' and owner = $1
       and coalesce(doc->'Resources'->'Resource', '[]'::jsonb) @> jsonb_build_array(jsonb_build_object('objectType', 'Role', 'resourceId', $2::text))`,
    [tenant, roleId],
  );
  return r.rows.map((x) => x.doc);
};

const renameResource = async (tx: Q, tenant: string, roleId: string, name: string) => {
  for (const g of await groupsSharing(tx, tenant, roleId)) {
    const res = resourcesOf(g).map((r) => (r.objectType === 'Role' && r.resourceId === roleId ? { ...r, resourceName: name } : r));
    await updateRecord(tx, 'AccountGroup', tenant, String(g.id), { ...g, Resources: asResources(res) });
  }
};

/** R21: only a role nobody holds (directly or in a group) can go; it also leaves every group. */
const deleteRole = async (tx: Q, ctx: Ctx, _b: Doc, id: string): Promise<void> => {
  await refuseBuiltIn(tx, id, 'deleted');
  const role = await mustExist(tx, ctx, 'Role', id);
  const users = await holders(tx, ctx.tenant, id);
  if (users.length) throw badRequest(`role "${String(role.name)}" is still held by ${users.length} user(s): ${listSome(users)} (R21)`);
  for (const g of await groupsSharing(tx, ctx.tenant, id)) {
    const res = resourcesOf(g).filter((r) => !(r.objectType === 'Role' && r.resourceId === id));
    await updateRecord(tx, 'AccountGroup', ctx.tenant, String(g.id), { ...g, Resources: asResources(res) });
  }
  await deleteRecord(tx, 'Role', ctx.tenant, id);
};

const AurBody = z.object({
  accountId: z.string().min(1), userId: z.string().min(1), roleId: z.string().min(1), notifyUser: z.boolean().optional(),
  firstName: z.string().optional(), lastName: z.string().optional(),
});

/**
 * A direct role (R6). In a member account a custom role of the primary is assignable only while
 * a group shares it with the account (R15) and the member has AUS on (R19).
 */
const createAur = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('AccountUserRole', AurBody, raw);
  if (!ctx.isPrimary && b.accountId !== ctx.accountId) throw forbidden(`account ${ctx.accountId} can only assign roles on itself`);
  const account = await mustExist(tx, ctx, 'Account', b.accountId);
  const role = await mustBeRole(tx, ctx, b.roleId);
  const user = ctx.vendor ? await userOrNew(tx, ctx, b) : await mustBeUser(tx, ctx, b.userId);
  if (!role.builtIn && b.accountId !== ctx.tenant) {
    if (!(await sharedRoleIds(tx, ctx.tenant, b.accountId)).has(b.roleId)) {
      throw badRequest(`role "${String(role.doc.name)}" is not shared with account ${b.accountId} by any of its groups (R15)`);
    }
    if (account.advancedUserSecurity !== true) {
      throw badRequest(`account ${b.accountId} has Advanced User Security off: shared roles can no longer be assigned there (R19)`);
    }
  }
  if (ctx.vendor) await refuseDuplicateLink(tx, ctx, 'AccountUserRole', { accountId: b.accountId, userId: b.userId, roleId: b.roleId });
  const id = linkId(ctx, accountUserRoleId(b.accountId, b.userId, b.roleId));
  return insertUserRoleLink(tx, ctx, 'AccountUserRole', id, { accountId: b.accountId, userId: b.userId, roleId: b.roleId }, user, b.notifyUser);
};

const deleteAur = async (tx: Q, ctx: Ctx, _b: Doc, id: string): Promise<void> => {
  const link = await removeLink(tx, ctx, 'AUR', 'AccountUserRole', id);
  if (ctx.vendor) await leaveAccountWithLastRole(tx, ctx, String(link.accountId), String(link.userId));
};

export const roleWrites: TypeWrites = { create: createRole, update: updateRole, remove: deleteRole };
export const accountUserRoleWrites: TypeWrites = { create: createAur, remove: deleteAur };
