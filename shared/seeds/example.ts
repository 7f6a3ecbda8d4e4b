import type { AccountGroup, Snapshot } from '../model';
import { accountGroupAccountId, accountGroupUserRoleId, emptySnapshot } from '../model';
import { BUILT_IN_ROLE_IDS, builtInRoles } from './builtInRoles';

/** The worked example of seed 002 (RULES.md, "The worked example"), as platform records. */
export const EXAMPLE = {
  primary: { accountId: 'documentation-7QK2DN', name: 'Documentation' },
  accounts: [
    { accountId: 'docabc-4HX8PL', name: 'Doc ABC Company' },
    { accountId: 'docdef-9RT3KW', name: 'Doc DEF Company' },
    { accountId: 'docghi-2MV6QS', name: 'Doc GHI Company' },
    { accountId: 'docjkl-8ZB5NC', name: 'Doc JKL Company' },
  ],
  users: ['ServUser1@boomi.com', 'ServUser2@boomi.com', 'ServUser3@boomi.com', 'ServUser4@boomi.com'],
  groups: {
    all: 'a11acc00-0000-4000-8000-000000000001',
    services1: '5e7c1ce1-0000-4000-8000-000000000002',
    services2: '5e7c1ce2-0000-4000-8000-000000000003',
  },
  entity: { id: 'entity-documentation', name: 'Documentation Partners' },
} as const;

const group = (id: string, name: string, defaultGroup: boolean): AccountGroup => ({
  '@type': 'AccountGroup',
  id,
  accountId: EXAMPLE.primary.accountId,
  name,
  defaultGroup,
  autoSubscribeAlertLevel: 'none',
  Resources: { '@type': 'Resources', Resource: [] },
});

export const exampleSnapshot = (): Snapshot => {
  const s = emptySnapshot();
  const { primary, accounts, users, groups } = EXAMPLE;
  const created = '2026-01-05T09:00:00Z';
  s.Account.push({
    '@type': 'Account', ...primary, status: 'active', dateCreated: created,
    accountGroupsEnabled: true, advancedUserSecurity: true, supportAccess: true,
  });
  for (const a of accounts) {
    s.Account.push({
      '@type': 'Account', ...a, status: 'active', dateCreated: created,
      parentAccountId: primary.accountId, accountGroupsEnabled: false, advancedUserSecurity: true, supportAccess: true,
    });
  }
  s.Role.push(...builtInRoles());
  s.Entity.push({ '@type': 'Entity', ...EXAMPLE.entity });
  // Every user of seed 002 has signed in (its worked example adds ServUser3 to groups); the vendor
  // profile alone seeds ServUser3 as never signed in (platform/setup.ts), to exercise that refusal.
  users.forEach((userId, i) =>
    s.User.push({ '@type': 'User', userId, firstName: 'Serv', lastName: `User${i + 1}`, entityId: EXAMPLE.entity.id }),
  );
  s.AccountGroup.push(
    group(groups.all, 'All Accounts', true),
    group(groups.services1, 'Services 1', false),
    group(groups.services2, 'Services 2', false),
  );
  const link = (g: string, a: string) =>
    s.AccountGroupAccount.push({ '@type': 'AccountGroupAccount', id: accountGroupAccountId(g, a), accountGroupId: g, accountId: a });
  for (const a of accounts) link(groups.all, a.accountId);
  link(groups.services1, accounts[0].accountId);
  link(groups.services1, accounts[1].accountId);
  link(groups.services2, accounts[2].accountId);
  link(groups.services2, accounts[3].accountId);
  const role = (g: string, userId: string, roleName: keyof typeof BUILT_IN_ROLE_IDS, i: number) => {
    const roleId = BUILT_IN_ROLE_IDS[roleName];
    s.AccountGroupUserRole.push({
      '@type': 'AccountGroupUserRole', id: accountGroupUserRoleId(g, userId, roleId),
      accountGroupId: g, userId, roleId, firstName: 'Serv', lastName: `User${i + 1}`,
    });
  };
  users.forEach((u, i) => role(i < 2 ? groups.services1 : groups.services2, u, 'Standard User', i));
  // Seed 002: "Support or Production Support" in All Accounts; we give the first three Support
  // and the fourth Production Support so both built-in support roles appear in the example.
  users.forEach((u, i) => role(groups.all, u, i === 3 ? 'Production Support' : 'Support', i));
  return s;
};
