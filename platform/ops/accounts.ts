import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { accountGroupAccountId, AccountStatus } from '../../shared/model';
import type { Ctx } from '../api/access';
import { insertRecord, ownerOf, updateRecord, type Doc, type Q } from '../db/records';
import { badRequest, conflict, forbidden } from '../errors';
import { mustBeRole, mustExist, parseBody } from './common';
import type { TypeWrites } from './index';

const AccountBody = z.object({
  accountId: z.string().min(1).max(255).optional(),
  name: z.string().trim().min(1).max(255).optional(),
  status: AccountStatus.optional(),
  supportAccess: z.boolean().optional(),
  advancedUserSecurity: z.boolean().optional(),
  accountGroupsEnabled: z.boolean().optional(),
  supportAccessRoleId: z.string().min(1).nullable().optional(),
  parentAccountId: z.string().optional(),
});

/** The group every managed account belongs to (R3). */
const allAccountsGroup = async (tx: Q, tenant: string): Promise<string | null> => {
  const r = await tx.query<{ id: string }>(`select id from records where type = 'AccountGroup' and owner = $1 and (doc->>'defaultGroup') = 'true' limit 1`, [tenant]);
  return r.rows[0]?.id ?? null;
};

/** Extension: a new managed account of the primary, which joins All Accounts at once (R3). */
const create = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  if (!ctx.isPrimary) throw forbidden('managed accounts are created by their primary account');
  const b = parseBody('Account', AccountBody, raw);
  if (!b.name) throw badRequest('invalid Account: name is required');
  if (b.parentAccountId !== undefined && b.parentAccountId !== ctx.tenant) throw forbidden(`new accounts are managed by ${ctx.tenant}`);
  const accountId = b.accountId ?? `${b.name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || 'account'}-${randomBytes(4).toString('hex').toUpperCase()}`;
  if (await ownerOf(tx, 'Account', accountId)) throw conflict(`account ${accountId} already exists`);
  if (b.supportAccessRoleId) await mustBeRole(tx, ctx, b.supportAccessRoleId);
  const doc: Doc = {
    '@type': 'Account', accountId, name: b.name, status: b.status ?? 'active', dateCreated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    parentAccountId: ctx.tenant, accountGroupsEnabled: false, advancedUserSecurity: b.advancedUserSecurity ?? false, supportAccess: b.supportAccess ?? true,
  };
  if (b.supportAccessRoleId) doc.supportAccessRoleId = b.supportAccessRoleId;
  await insertRecord(tx, 'Account', ctx.tenant, accountId, doc);
  const all = await allAccountsGroup(tx, ctx.tenant);
  if (all) {
    const id = accountGroupAccountId(all, accountId);
    await insertRecord(tx, 'AccountGroupAccount', ctx.tenant, id, { '@type': 'AccountGroupAccount', id, accountGroupId: all, accountId });
  }
  return doc;
};

/** Extension: name, status, AUS (R15, R19), Support Access Role (R10); not the account's place. */
const update = async (tx: Q, ctx: Ctx, raw: Doc, id: string): Promise<Doc> => {
  const b = parseBody('Account', AccountBody, raw);
  if (b.accountId !== undefined && b.accountId !== id) throw badRequest(`the body's accountId ${b.accountId} differs from the URL's ${id}`);
  const a = await mustExist(tx, ctx, 'Account', id);
  if (b.parentAccountId !== undefined && b.parentAccountId !== a.parentAccountId) throw badRequest('an account cannot move to another parent');
  if (b.accountGroupsEnabled !== undefined && b.accountGroupsEnabled !== a.accountGroupsEnabled && id !== ctx.tenant) {
    throw badRequest('account groups are a feature of the primary account only (R1)');
  }
  if (b.supportAccessRoleId) {
    const role = await mustBeRole(tx, ctx, b.supportAccessRoleId);
    if (!role.builtIn && id !== ctx.tenant) throw badRequest('shared roles are never a Support Access Role (R16)');
  }
  const doc: Doc = { ...a };
  for (const k of ['name', 'status', 'supportAccess', 'advancedUserSecurity', 'accountGroupsEnabled'] as const) if (b[k] !== undefined) doc[k] = b[k];
  if (b.supportAccessRoleId === null) delete doc.supportAccessRoleId;
  else if (b.supportAccessRoleId !== undefined) doc.supportAccessRoleId = b.supportAccessRoleId;
  await updateRecord(tx, 'Account', ctx.tenant, id, doc);
  return doc;
};

export const accountWrites: TypeWrites = { create, update };
