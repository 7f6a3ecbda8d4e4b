// Small, readable snapshots built on the seed 002 worked example.
import type { Role, Snapshot } from '../../../shared/model';
import { accountUserRoleId } from '../../../shared/model';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { BUILT_IN_ROLE_IDS, type BuiltInRoleName } from '../../../shared/seeds/builtInRoles';
import { buildState } from '../../../shared/access';
import { resolvePlanFile, type PlanOp } from '../../../shared/plans';

export const [ABC, DEF, GHI, JKL] = EXAMPLE.accounts.map((a) => a.accountId) as [string, string, string, string];
export const PRIMARY: string = EXAMPLE.primary.accountId;
export const [U1, U2, U3, U4] = EXAMPLE.users as unknown as [string, string, string, string];
export const G = EXAMPLE.groups;
export const R = BUILT_IN_ROLE_IDS;
export { EXAMPLE };

export const example = (): Snapshot => exampleSnapshot();

/**
 * Marks a user never signed in, as the platform's User record says of a user an AccountUserRole
 * created (seed 002 has none: every one of its users has signed in).
 */
export const neverSignedIn = (s: Snapshot, userId: string = U3): Snapshot => {
  s.User = s.User.map((u) => (u.userId === userId ? { ...u, neverSignedIn: true } : u));
  return s;
};

export const direct = (s: Snapshot, accountId: string, userId: string, roleId: string): Snapshot => {
  s.AccountUserRole.push({ '@type': 'AccountUserRole', id: accountUserRoleId(accountId, userId, roleId), accountId, userId, roleId });
  return s;
};

export const builtIn = (name: BuiltInRoleName): string => BUILT_IN_ROLE_IDS[name];

/** A custom role of the primary account ("Deployer": DEPLOY + DASHBOARD). */
export const customRole = (s: Snapshot, name = 'Deployer', privileges = ['DEPLOY', 'DASHBOARD'], accountId = PRIMARY): Role => {
  const role: Role = {
    '@type': 'Role', id: `role-${name.toLowerCase()}`, accountId, name,
    Privileges: { '@type': 'Privileges', Privilege: privileges.map((p) => ({ '@type': 'Privilege', name: p })) },
  };
  s.Role.push(role);
  return role;
};

/** Shares a role as a Role resource on a group (R15), directly in the snapshot. */
export const shareInSnapshot = (s: Snapshot, groupId: string, role: Role): Snapshot => {
  s.AccountGroup.find((g) => g.id === groupId)!.Resources!.Resource!.push({
    '@type': 'Resource', objectType: 'Role', resourceId: role.id, resourceName: role.name,
  });
  return s;
};

export const account = (s: Snapshot, id: string) => s.Account.find((a) => a.accountId === id)!;

/** Resolves a plan file against a snapshot, failing the test on resolution errors. */
export const plan = (s: Snapshot, ops: unknown[]): PlanOp[] => {
  const r = resolvePlanFile(s, { plan: ops });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.ops;
};

export const state = (s: Snapshot) => buildState(s);

export const SVC = 'svc-1';
export const [P1, P2, P3] = ['partner-p1', 'partner-p2', 'partner-p3'];
export const OUTSIDER = 'outsider@elsewhere.com';

/** R25: a service sharing three partner-organisation accounts with the example's entity. */
export const withService = (s: Snapshot): Snapshot => {
  for (const id of [P1, P2, P3]) s.Account.push({ '@type': 'Account', accountId: id, name: `Partner ${id}`, status: 'active' });
  s.Entity.push({ '@type': 'Entity', id: 'entity-other', name: 'Other entity' });
  s.User.push({ '@type': 'User', userId: OUTSIDER, firstName: 'Out', lastName: 'Sider', entityId: 'entity-other' });
  s.PartnerService.push({
    '@type': 'PartnerService', id: SVC, name: 'Managed Services', partnerOrganisation: 'Acme Group',
    entityId: EXAMPLE.entity.id, accountIds: [P1, P2, P3],
  });
  const grant = (accountId: string, userId: string) => s.PartnerAccountAccess.push({ '@type': 'PartnerAccountAccess', serviceId: SVC, accountId, userId });
  grant(P1, U1);
  grant(P2, U1);
  grant(P1, U2);
  return s;
};
