import { z } from 'zod';
import type { Snapshot } from '../model';
import { Id, ResourceObjectType, sendable, WrittenName } from '../model';
import type { AccessState } from '../access/state';
import { buildState } from '../access/state';
import { PlanOp } from './types';
import { makeResolver, type Resolver } from './resolve';

/**
 * A group, role or user as a plan file may name it: by id or by name (DESIGN.md "Plan files").
 * Text the platform refuses (NUL, a lone surrogate) is refused here, with its place, so `whatif`
 * says so rather than `apply` failing on the platform's 400.
 */
const Ref = z.string().trim().min(1, 'must not be empty').max(255, 'is longer than 255 characters').superRefine(sendable);
const AccountId = Id.superRefine(sendable);
const Refs = z.array(Ref).min(1, 'must list at least one').max(100_000);
const FileResource = z.object({ objectType: ResourceObjectType, resourceId: Ref }).strict();

const op = <K extends string, S extends z.ZodRawShape>(name: K, shape: S) => z.object({ op: z.literal(name), ...shape }).strict();

/** The public plan-file format; op and field names exactly as DESIGN.md spells them. */
export const PlanFileOp = z.discriminatedUnion('op', [
  op('group.create', { name: WrittenName }),
  op('group.rename', { group: Ref, name: WrittenName }),
  op('group.addAccounts', { group: Ref, accounts: Refs }),
  op('group.removeAccounts', { group: Ref, accounts: Refs }),
  // notifyUser: whether the platform e-mails each user added (absent: no, whatever its default).
  op('group.addUserRoles', { group: Ref, users: Refs, roles: Refs, notifyUser: z.boolean().optional() }),
  op('group.removeUserRoles', { group: Ref, users: Refs, roles: Refs }),
  op('group.shareResources', { group: Ref, resources: z.array(FileResource).min(1) }),
  op('group.unshareResources', { group: Ref, resources: z.array(FileResource).min(1) }),
  // newUsers: ids among `users` the admin confirms as new users for the platform to create.
  op('account.addUserRoles', { account: AccountId, users: Refs, roles: Refs, notifyUser: z.boolean().optional(), newUsers: Refs.optional() }),
  op('account.removeUserRoles', { account: AccountId, users: Refs, roles: Refs }),
  op('account.setSupportAccessRole', { account: AccountId, role: Ref.nullable() }),
  // Beyond the DESIGN.md list, so a what-if can cover them too: AUS on/off (R19) and R28.
  op('account.setAdvancedUserSecurity', { account: AccountId, enabled: z.boolean() }),
  // name: the role's name beside its id in `role`, so that re-applying after the delete is `unchanged`.
  op('role.delete', { role: Ref, name: WrittenName.optional() }),
  op('partner.grant', { service: Ref, accounts: Refs, users: Refs }),
  op('partner.revoke', { service: Ref, accounts: Refs, users: Refs }),
  op('partner.removeAccountFromService', { service: Ref, account: AccountId }),
]);
export type PlanFileOp = z.infer<typeof PlanFileOp>;

export const PlanFile = z.object({ plan: z.array(PlanFileOp).max(10_000) }).strict();
export type PlanFile = z.infer<typeof PlanFile>;

export type PlanFileResult = { ok: true; ops: PlanOp[] } | { ok: false; errors: string[] };

const notify = (v: boolean | undefined) => (v === undefined ? {} : { notifyUser: v });

/**
 * The users of an account.addUserRoles: a user Roster has never seen is refused here, before
 * anything is sent, unless the plan confirms it in `newUsers` (the platform then creates it).
 */
const withNewUsers = (r: Resolver, users: string[], newUsers: string[] | undefined): { userIds: string[]; newUsers?: string[] } => {
  const confirmed = new Set(newUsers ?? []);
  for (const n of confirmed) if (!users.includes(n)) r.fail(`newUsers lists "${n}", which is not among users`);
  const userIds = users.map((u) => (confirmed.has(u) ? r.user(u, true) : r.user(u)));
  return confirmed.size ? { userIds, newUsers: [...confirmed] } : { userIds };
};

const resolveOp = (r: Resolver, f: PlanFileOp): PlanOp => {
  switch (f.op) {
    case 'group.create': return r.created({ op: f.op, name: f.name, accountId: r.primary() });
    case 'group.rename': return r.renamed({ op: f.op, groupId: r.group(f.group), name: f.name });
    case 'group.addAccounts':
    case 'group.removeAccounts': return { op: f.op, groupId: r.group(f.group), accountIds: r.accounts(f.accounts) };
    case 'group.addUserRoles': return { op: f.op, groupId: r.group(f.group), userIds: r.users(f.users), roleIds: r.roles(f.roles), ...notify(f.notifyUser) };
    case 'group.removeUserRoles': return { op: f.op, groupId: r.group(f.group), userIds: r.usersToRemove(f.users), roleIds: r.roles(f.roles) };
    case 'group.shareResources':
    case 'group.unshareResources': return { op: f.op, groupId: r.group(f.group), resources: f.resources.map((x) => r.resource(x)) };
    case 'account.addUserRoles': return { op: f.op, accountId: r.account(f.account), ...withNewUsers(r, f.users, f.newUsers), roleIds: r.roles(f.roles), ...notify(f.notifyUser) };
    case 'account.removeUserRoles': return { op: f.op, accountId: r.account(f.account), userIds: r.usersToRemove(f.users), roleIds: r.roles(f.roles) };
    case 'account.setSupportAccessRole': return { op: f.op, accountId: r.account(f.account), roleId: f.role === null ? null : r.role(f.role) };
    case 'account.setAdvancedUserSecurity': return { op: f.op, accountId: r.account(f.account), enabled: f.enabled };
    case 'role.delete': return { op: f.op, roleId: r.roleToDelete(f.role, f.name) };
    case 'partner.grant': return { op: f.op, serviceId: r.service(f.service), accountIds: r.accounts(f.accounts), userIds: r.users(f.users) };
    case 'partner.revoke': return { op: f.op, serviceId: r.service(f.service), accountIds: r.accounts(f.accounts), userIds: r.usersToRemove(f.users) };
    case 'partner.removeAccountFromService': return { op: f.op, serviceId: r.service(f.service), accountId: r.account(f.account) };
  }
};

/**
 * Parses a plan file and resolves every name to an id (groups by name within the primary
 * account, roles by name, users by e-mail). Every problem is reported, with its place.
 */
export const resolvePlanFile = (source: Snapshot | AccessState, json: unknown): PlanFileResult => {
  const parsed = PlanFile.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(plan file)'}: ${i.message}`) };
  }
  const state = 'groupAccounts' in source ? source : buildState(source);
  const r = makeResolver(state);
  const ops: PlanOp[] = [];
  parsed.data.plan.forEach((f, i) => {
    r.at(`plan.${i} (${f.op})`);
    const resolved = resolveOp(r, f);
    const check = PlanOp.safeParse(resolved);
    if (check.success) ops.push(check.data);
    else r.fail(check.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '));
  });
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, ops };
};
