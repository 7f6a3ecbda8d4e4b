import type { Account, AccountGroup, Resource, Role, Snapshot } from '../model';
import { accountGroupAccountId, accountGroupUserRoleId, accountUserRoleId, emptySnapshot } from '../model';
import { BUILT_IN_ROLE_IDS, builtInRoles } from './builtInRoles';
import { exampleSnapshot } from './example';
import { makeRng, type Rng } from './prng';
import { addCatalogue, addPartnerServices } from './generateExtras';

export type Tier = 'example' | 'partner' | 'large' | 'huge';
export const TIER_NAMES: readonly Tier[] = ['example', 'partner', 'large', 'huge'];

export interface TierSize {
  accounts: number;
  users: number;
  groups: number;
  groupAccounts: number;
  groupUserRoles: number;
}

/** DESIGN.md "Scale the design must hold". */
export const TIER_SIZES: Record<Exclude<Tier, 'example'>, TierSize> = {
  partner: { accounts: 1_000, users: 200, groups: 20, groupAccounts: 5_000, groupUserRoles: 1_000 },
  large: { accounts: 20_000, users: 2_000, groups: 500, groupAccounts: 100_000, groupUserRoles: 10_000 },
  huge: { accounts: 100_000, users: 10_000, groups: 2_000, groupAccounts: 500_000, groupUserRoles: 50_000 },
};

/** Working state shared by the generation steps; accounts and groups by index to stay lean. */
export interface GenCtx {
  rng: Rng;
  size: TierSize;
  s: Snapshot;
  primaryId: string;
  managed: string[];
  partnerAccounts: string[];
  users: string[];
  entities: string[];
  groups: AccountGroup[];
  /** Managed-account indexes of each group, parallel to `groups`. */
  groupAccounts: number[][];
  customRoles: Role[];
}

const ADJ = ['Northwind', 'Blue', 'Summit', 'Harbor', 'Granite', 'Cedar', 'Silver', 'Pioneer', 'Atlas', 'Evergreen', 'Crescent', 'Redwood'];
const NOUN = ['Logistics', 'Foods', 'Health', 'Retail', 'Energy', 'Systems', 'Finance', 'Motors', 'Labs', 'Media', 'Textiles', 'Farms'];
const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kira', 'Liam', 'Mei', 'Nils', 'Omar', 'Priya'];
const LAST = ['Adams', 'Baker', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Mensah', 'Novak'];
const TEAMS = ['Services', 'Support', 'Onboarding', 'Integration', 'Managed', 'Region', 'Project', 'Care'];
const PRIVS = builtInRoles().find((r) => r.name === 'Administrator')!.Privileges!.Privilege!.map((p) => p.name);
const SAR_ROLES = [BUILT_IN_ROLE_IDS.Support, BUILT_IN_ROLE_IDS['Production Support'], BUILT_IN_ROLE_IDS['Browse Only']];

const companyName = (rng: Rng, i: number): string => `${rng.pick(ADJ)} ${rng.pick(NOUN)} ${i}`;

const addAccounts = (c: GenCtx): void => {
  const { rng, s, size } = c;
  const created = '2026-01-05T09:00:00Z';
  s.Account.push({
    '@type': 'Account', accountId: c.primaryId, name: 'Partner Primary', status: 'active', dateCreated: created,
    accountGroupsEnabled: true, advancedUserSecurity: true, supportAccess: true,
  });
  const partnerCount = Math.max(20, Math.floor(size.accounts * 0.02));
  const managedCount = size.accounts - 1 - partnerCount;
  for (let i = 0; i < managedCount; i++) {
    const accountId = `c${i.toString(36).padStart(4, '0')}-${rng.tag(6)}`;
    c.managed.push(accountId);
    const a: Account = {
      '@type': 'Account', accountId, name: companyName(rng, i), status: rng.chance(0.95) ? 'active' : 'trial',
      dateCreated: created, parentAccountId: c.primaryId, accountGroupsEnabled: false,
      advancedUserSecurity: rng.chance(0.85), supportAccess: true,
    };
    // R10: a minority of customers cap group users with a Support Access Role.
    if (rng.chance(0.1)) a.supportAccessRoleId = rng.pick(SAR_ROLES);
    s.Account.push(a);
    // R12: some customers use SSO.
    if (rng.chance(0.08)) s.AccountSSOConfig.push({ '@type': 'AccountSSOConfig', accountId, enabled: rng.chance(0.9), idpUrl: `https://idp.example.com/${accountId}` });
  }
  for (let i = 0; i < partnerCount; i++) {
    const accountId = `p${i.toString(36).padStart(4, '0')}-${rng.tag(6)}`;
    c.partnerAccounts.push(accountId);
    s.Account.push({ '@type': 'Account', accountId, name: `${companyName(rng, i)} (partner org)`, status: 'active', dateCreated: created });
  }
};

const addRolesAndUsers = (c: GenCtx): void => {
  const { rng, s, size } = c;
  s.Role.push(...builtInRoles());
  const customCount = Math.min(60, Math.max(5, Math.floor(size.groups / 20)));
  for (let i = 0; i < customCount; i++) {
    const privs = PRIVS.filter(() => rng.chance(0.4));
    const role: Role = {
      '@type': 'Role', id: rng.uuid(), accountId: c.primaryId, name: `${rng.pick(TEAMS)} Role ${i + 1}`,
      Description: 'Custom role of the primary account.',
      Privileges: { '@type': 'Privileges', Privilege: (privs.length ? privs : ['DASHBOARD']).map((name) => ({ '@type': 'Privilege', name })) },
    };
    c.customRoles.push(role);
    s.Role.push(role);
  }
  for (let i = 0; i < 3; i++) {
    const id = `entity-${i + 1}`;
    c.entities.push(id);
    s.Entity.push({ '@type': 'Entity', id, name: `${rng.pick(ADJ)} Partners ${i + 1}` });
  }
  for (let i = 0; i < size.users; i++) {
    const firstName = rng.pick(FIRST);
    const lastName = rng.pick(LAST);
    const userId = `${firstName}.${lastName}${i}@partner.example.com`.toLowerCase();
    c.users.push(userId);
    s.User.push({ '@type': 'User', userId, firstName, lastName, entityId: c.entities[i % 5 === 4 ? 1 + (i % 2) : 0] });
  }
};

const addGroups = (c: GenCtx): void => {
  const { rng, s, size } = c;
  for (let i = 0; i < size.groups; i++) {
    const isDefault = i === 0;
    const resources: Resource[] = [];
    if (!isDefault && rng.chance(0.3)) {
      const role = rng.pick(c.customRoles);
      resources.push({ '@type': 'Resource', objectType: 'Role', resourceId: role.id, resourceName: role.name });
    }
    const g: AccountGroup = {
      '@type': 'AccountGroup', id: rng.uuid(), accountId: c.primaryId,
      name: isDefault ? 'All Accounts' : `${rng.pick(TEAMS)} ${i}`,
      defaultGroup: isDefault, autoSubscribeAlertLevel: 'none',
      Resources: { '@type': 'Resources', Resource: resources },
    };
    c.groups.push(g);
    s.AccountGroup.push(g);
  }
};

/** R3: All Accounts holds every managed account; the others get distinct strided samples. */
const addGroupAccounts = (c: GenCtx): void => {
  const { rng, s, size } = c;
  const n = c.managed.length;
  const link = (gi: number, ai: number) => {
    const g = c.groups[gi]!.id;
    const a = c.managed[ai]!;
    c.groupAccounts[gi]!.push(ai);
    s.AccountGroupAccount.push({ '@type': 'AccountGroupAccount', id: accountGroupAccountId(g, a), accountGroupId: g, accountId: a });
  };
  c.groups.forEach(() => c.groupAccounts.push([]));
  for (let ai = 0; ai < n; ai++) link(0, ai);
  const rest = Math.max(0, size.groupAccounts - n);
  const others = size.groups - 1;
  for (let gi = 1; gi <= others; gi++) {
    const want = Math.min(n, Math.floor(rest / others) + (gi <= rest % others ? 1 : 0));
    const count = Math.max(1, want);
    const start = rng.int(n);
    let stride = 1 + rng.int(Math.max(1, Math.floor(n / Math.max(1, count))));
    while (gcd(stride, n) !== 1) stride++;
    for (let j = 0; j < count; j++) link(gi, (start + j * stride) % n);
  }
};

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Users in Group (R7): built-in roles, plus custom roles where the group shares them (R15). */
const addGroupUserRoles = (c: GenCtx): void => {
  const { rng, s, size } = c;
  const seen = new Set<string>();
  const builtIn = [BUILT_IN_ROLE_IDS['Standard User'], BUILT_IN_ROLE_IDS.Support, BUILT_IN_ROLE_IDS['Production Support'], BUILT_IN_ROLE_IDS.Administrator];
  const allAccountsUsers = Math.max(2, Math.floor(size.groupUserRoles / 25));
  let made = 0;
  const add = (gi: number, ui: number, roleId: string) => {
    const g = c.groups[gi]!;
    const userId = c.users[ui]!;
    const key = `${gi}|${ui}|${roleId}`;
    if (seen.has(key)) return;
    seen.add(key);
    made++;
    s.AccountGroupUserRole.push({ '@type': 'AccountGroupUserRole', id: accountGroupUserRoleId(g.id, userId, roleId), accountGroupId: g.id, userId, roleId });
  };
  for (let i = 0; i < allAccountsUsers; i++) add(0, rng.int(c.users.length), rng.chance(0.7) ? BUILT_IN_ROLE_IDS.Support : BUILT_IN_ROLE_IDS['Production Support']);
  let guard = 0;
  while (made < size.groupUserRoles && guard++ < size.groupUserRoles * 3) {
    const gi = 1 + rng.int(c.groups.length - 1);
    const shared = (c.groups[gi]!.Resources?.Resource ?? []).filter((r) => r.objectType === 'Role');
    const roleId = shared.length && rng.chance(0.2) ? rng.pick(shared).resourceId : rng.pick(builtIn);
    add(gi, rng.int(c.users.length), roleId);
  }
};

/** Direct access (R6): customer admins, a few partner users, and shared roles assigned in members (R16). */
const addDirectRoles = (c: GenCtx): void => {
  const { rng, s, size } = c;
  const seen = new Set<string>();
  const add = (accountId: string, userId: string, roleId: string) => {
    const key = `${accountId}|${userId}|${roleId}`;
    if (seen.has(key)) return;
    seen.add(key);
    s.AccountUserRole.push({ '@type': 'AccountUserRole', id: accountUserRoleId(accountId, userId, roleId), accountId, userId, roleId });
  };
  for (let i = 0; i < Math.min(20, c.users.length); i++) add(c.primaryId, c.users[i]!, i < 5 ? BUILT_IN_ROLE_IDS.Administrator : rng.pick(c.customRoles).id);
  const direct = Math.floor(size.users * 1.5);
  for (let i = 0; i < direct; i++) {
    const roleId = rng.chance(0.5) ? BUILT_IN_ROLE_IDS['Standard User'] : rng.pick([BUILT_IN_ROLE_IDS.Administrator, BUILT_IN_ROLE_IDS['Browse Only']]);
    add(rng.pick(c.managed), rng.pick(c.users), roleId);
  }
  c.groups.forEach((g, gi) => {
    for (const r of g.Resources?.Resource ?? []) {
      if (r.objectType !== 'Role') continue;
      const accounts = c.groupAccounts[gi]!;
      for (let k = 0; k < Math.min(5, accounts.length); k++) add(c.managed[rng.pick(accounts)]!, rng.pick(c.users), r.resourceId);
    }
  });
};

/**
 * A deterministic snapshot of the given tier (DESIGN.md tier table) that exercises every rule:
 * All Accounts (R3), direct and group roles (R6–R9), Support Access Roles (R10), SSO (R12),
 * shared custom roles (R15–R20), resources (R22–R24) and partner services (R25–R28).
 */
export const generateSnapshot = (tier: Tier, seed: number): Snapshot => {
  if (tier === 'example') return exampleSnapshot();
  const size = TIER_SIZES[tier];
  if (!size) throw new Error(`unknown tier "${String(tier)}"; expected one of ${TIER_NAMES.join(', ')}`);
  const rng = makeRng(seed);
  const c: GenCtx = {
    rng, size, s: emptySnapshot(), primaryId: `primary-${rng.tag(6)}`, managed: [], partnerAccounts: [],
    users: [], entities: [], groups: [], groupAccounts: [], customRoles: [],
  };
  addAccounts(c);
  addRolesAndUsers(c);
  addGroups(c);
  addCatalogue(c);
  addGroupAccounts(c);
  addGroupUserRoles(c);
  addDirectRoles(c);
  addPartnerServices(c);
  return c.s;
};
