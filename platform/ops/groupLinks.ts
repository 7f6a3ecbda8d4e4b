import { z } from 'zod';
import { accountGroupAccountId, accountGroupUserRoleId } from '../../shared/model';
import type { Ctx } from '../api/access';
import { deleteRecord, insertRecord, updateRecord, type Doc, type Q } from '../db/records';
import { badRequest } from '../errors';
import { dropUnsharedAssignments } from './cascade';
import { existingLink, insertUserRoleLink, linkId, mustBeRole, mustBeUser, mustExist, parseBody, refuseDuplicateLink, removeLink } from './common';
import { mustHaveSignedIn } from '../profile/behaviours';
import type { TypeWrites } from './index';
import { asResources, resourcesOf } from './resources';

const Id = z.string().min(1, 'is required');

/** R2: only accounts the primary manages can be members; the primary itself never is. */
const memberAccount = async (tx: Q, ctx: Ctx, accountId: string): Promise<Doc> => {
  const a = await mustExist(tx, ctx, 'Account', accountId);
  if (accountId === ctx.tenant) throw badRequest(`the primary account ${accountId} cannot be a member of its own groups (R2)`);
  if (a.parentAccountId !== ctx.tenant) throw badRequest(`account ${accountId} is not managed by ${ctx.tenant} and cannot join its groups`);
  return a;
};

const AgaBody = z.object({ accountGroupId: Id, accountId: Id });

const createAga = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('AccountGroupAccount', AgaBody, raw);
  await mustExist(tx, ctx, 'AccountGroup', b.accountGroupId);
  await memberAccount(tx, ctx, b.accountId);
  if (ctx.vendor) await refuseDuplicateLink(tx, ctx, 'AccountGroupAccount', { accountGroupId: b.accountGroupId, accountId: b.accountId });
  const id = linkId(ctx, accountGroupAccountId(b.accountGroupId, b.accountId));
  const doc = { '@type': 'AccountGroupAccount', id, accountGroupId: b.accountGroupId, accountId: b.accountId };
  await insertRecord(tx, 'AccountGroupAccount', ctx.tenant, id, doc);
  return doc;
};

/** R3: All Accounts is kept whole. R18: users lose the roles only this group shared with the account. */
const deleteAga = async (tx: Q, ctx: Ctx, _b: Doc, id: string): Promise<void> => {
  const link = await existingLink(tx, ctx, 'AGA', 'AccountGroupAccount', id);
  const g = await mustExist(tx, ctx, 'AccountGroup', String(link.accountGroupId));
  if (g.defaultGroup) throw badRequest('accounts cannot be removed from All Accounts (R3)');
  await deleteRecord(tx, 'AccountGroupAccount', ctx.tenant, id);
  const roles = resourcesOf(g).filter((r) => r.objectType === 'Role').map((r) => r.resourceId);
  await dropUnsharedAssignments(tx, ctx.tenant, [String(link.accountId)], roles);
};

const AgurBody = z.object({ accountGroupId: Id, userId: Id, roleId: Id, notifyUser: z.boolean().optional() });

const createAgur = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('AccountGroupUserRole', AgurBody, raw);
  const g = await mustExist(tx, ctx, 'AccountGroup', b.accountGroupId);
  const role = await mustBeRole(tx, ctx, b.roleId);
  // R15: a custom role reaches a group's accounts only once the group shares it.
  if (!role.builtIn && !resourcesOf(g).some((r) => r.objectType === 'Role' && r.resourceId === b.roleId)) {
    throw badRequest(`role "${String(role.doc.name)}" is not shared with group "${String(g.name)}"; share it before giving it to users there (R15)`);
  }
  const user = await mustBeUser(tx, ctx, b.userId);
  // On every profile: wherever a User record says never signed in (the vendor profile's seed, or a
  // user an AccountUserRole created), the refusal the console's preview warns of really happens.
  mustHaveSignedIn(user, b.userId);
  if (ctx.vendor) await refuseDuplicateLink(tx, ctx, 'AccountGroupUserRole', { accountGroupId: b.accountGroupId, userId: b.userId, roleId: b.roleId });
  const id = linkId(ctx, accountGroupUserRoleId(b.accountGroupId, b.userId, b.roleId));
  return insertUserRoleLink(tx, ctx, 'AccountGroupUserRole', id, { accountGroupId: b.accountGroupId, userId: b.userId, roleId: b.roleId }, user, b.notifyUser);
};

const deleteAgur = async (tx: Q, ctx: Ctx, _b: Doc, id: string): Promise<void> => {
  await removeLink(tx, ctx, 'AGUR', 'AccountGroupUserRole', id);
};

const AgipBody = z.object({ accountGroupId: Id, integrationPackId: Id });

/** Sharing an integration pack also lists it among the group's Resources, as the vendor shows it. */
const createAgip = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('AccountGroupIntegrationPack', AgipBody, raw);
  const g = await mustExist(tx, ctx, 'AccountGroup', b.accountGroupId);
  const pack = await mustExist(tx, ctx, 'IntegrationPack', b.integrationPackId);
  const id = `${b.accountGroupId}:${b.integrationPackId}`;
  const doc: Doc = {
    '@type': 'AccountGroupIntegrationPack', id, accountGroupId: b.accountGroupId, integrationPackId: b.integrationPackId,
    integrationPackName: pack.name, installationType: pack.installationType,
  };
  await insertRecord(tx, 'AccountGroupIntegrationPack', ctx.tenant, id, doc);
  const res = resourcesOf(g);
  if (!res.some((r) => r.objectType === 'Integration Pack' && r.resourceId === b.integrationPackId)) {
    res.push({ objectType: 'Integration Pack', resourceId: b.integrationPackId, resourceName: String(pack.name ?? b.integrationPackId) });
    await updateRecord(tx, 'AccountGroup', ctx.tenant, b.accountGroupId, { ...g, Resources: asResources(res) });
  }
  return doc;
};

const deleteAgip = async (tx: Q, ctx: Ctx, _b: Doc, id: string): Promise<void> => {
  const link = await mustExist(tx, ctx, 'AccountGroupIntegrationPack', id);
  await deleteRecord(tx, 'AccountGroupIntegrationPack', ctx.tenant, id);
  const g = await mustExist(tx, ctx, 'AccountGroup', String(link.accountGroupId));
  const res = resourcesOf(g).filter((r) => !(r.objectType === 'Integration Pack' && r.resourceId === link.integrationPackId));
  await updateRecord(tx, 'AccountGroup', ctx.tenant, String(g.id), { ...g, Resources: asResources(res) });
};

export const groupAccountWrites: TypeWrites = { create: createAga, remove: deleteAga };
export const groupUserRoleWrites: TypeWrites = { create: createAgur, remove: deleteAgur };
export const groupPackWrites: TypeWrites = { create: createAgip, remove: deleteAgip };
