import type { Account, AccountGroup, PartnerService, ResourceObjectType, Role, Snapshot, User } from '../model';
import { buildCatalogue } from './catalogue';
import { BUILT_IN_ROLE_ACCOUNT } from '../model';
import { Layer, NestedIndex, SetIndex, pair } from './layer';
import { warmGroupInfo } from './groupInfo';

/**
 * The indexes of one snapshot, built once (O(records)), from which every access question is
 * answered per user or per account — never an O(users × accounts) matrix. Plans fork it
 * (`forkState`) and perform ops on the fork; the base is never written after it is built.
 */
export interface AccessState {
  accounts: Layer<string, Account>;
  groups: Layer<string, AccountGroup>;
  roles: Layer<string, Role>;
  users: Layer<string, User>;
  services: Layer<string, PartnerService>;
  /** Accounts with SSO enabled (R12). */
  sso: Layer<string, true>;
  /** `owner\nlower-cased name` → group id: duplicate names are refused. */
  groupNames: Layer<string, string>;
  groupAccounts: SetIndex<string, string>;
  accountGroups: SetIndex<string, string>;
  /** user → group → role ids (R7): "Users in Group", looked up per user without composite keys. */
  userGroupRoles: NestedIndex<string, string, string>;
  groupUsers: SetIndex<string, string>;
  /** pair(account, user) → role ids (R6). */
  aurRoles: SetIndex<string, string>;
  accountUsers: SetIndex<string, string>;
  userAccounts: SetIndex<string, string>;
  /** pair(account, user) → service ids (R25). */
  partner: SetIndex<string, string>;
  partnerUsers: SetIndex<string, string>;
  userPartner: SetIndex<string, string>;
  serviceAccounts: SetIndex<string, string>;
  /** pair(objectType, id) → what can be shared (R22, R23). */
  catalogue: Layer<string, CatalogueEntry>;
  /** role id → holders, as `g\n<group>\n<user>` or `a\n<account>\n<user>` (R20, R21). */
  roleHolders: SetIndex<string, string>;
}

/** A shareable resource and, when it may not be shared, why (R23). */
export interface CatalogueEntry {
  objectType: ResourceObjectType;
  id: string;
  name: string;
  ineligible: string | null;
}

const FIELDS = [
  'catalogue', 'accounts', 'groups', 'roles', 'users', 'services', 'sso', 'groupNames', 'groupAccounts', 'accountGroups',
  'userGroupRoles', 'groupUsers', 'aurRoles', 'accountUsers', 'userAccounts', 'partner',
  'partnerUsers', 'userPartner', 'serviceAccounts', 'roleHolders',
] as const satisfies readonly (keyof AccessState)[];

const emptyState = (): AccessState => {
  const s = {} as Record<string, unknown>;
  for (const f of ['catalogue', 'accounts', 'groups', 'roles', 'users', 'services', 'sso', 'groupNames']) s[f] = new Layer();
  s.userGroupRoles = new NestedIndex();
  for (const f of FIELDS) if (!(f in s)) s[f] = new SetIndex();
  return s as unknown as AccessState;
};

/** O(1): a child state whose writes never reach `s`. */
export const forkState = (s: AccessState): AccessState => {
  const out = {} as Record<string, unknown>;
  for (const f of FIELDS) out[f] = s[f].fork();
  return out as unknown as AccessState;
};

export const groupNameKey = (owner: string, name: string): string => pair(owner, name.trim().toLowerCase());
export const holderOfGroup = (groupId: string, userId: string): string => `g\n${groupId}\n${userId}`;
export const holderOfAccount = (accountId: string, userId: string): string => `a\n${accountId}\n${userId}`;

/** Link writers keep both directions of every index in step; used by the builder and by ops. */
export const link = {
  groupAccount(s: AccessState, g: string, a: string): boolean {
    s.accountGroups.add(a, g);
    return s.groupAccounts.add(g, a);
  },
  unGroupAccount(s: AccessState, g: string, a: string): boolean {
    s.accountGroups.remove(a, g);
    return s.groupAccounts.remove(g, a);
  },
  groupUserRole(s: AccessState, g: string, u: string, r: string): boolean {
    s.groupUsers.add(g, u);
    s.roleHolders.add(r, holderOfGroup(g, u));
    return s.userGroupRoles.add(u, g, r);
  },
  unGroupUserRole(s: AccessState, g: string, u: string, r: string): boolean {
    const changed = s.userGroupRoles.remove(u, g, r);
    s.roleHolders.remove(r, holderOfGroup(g, u));
    if (!s.userGroupRoles.getSet(u, g)) s.groupUsers.remove(g, u);
    return changed;
  },
  accountUserRole(s: AccessState, a: string, u: string, r: string): boolean {
    s.accountUsers.add(a, u);
    s.userAccounts.add(u, a);
    s.roleHolders.add(r, holderOfAccount(a, u));
    return s.aurRoles.add(pair(a, u), r);
  },
  unAccountUserRole(s: AccessState, a: string, u: string, r: string): boolean {
    const changed = s.aurRoles.remove(pair(a, u), r);
    s.roleHolders.remove(r, holderOfAccount(a, u));
    if (!s.aurRoles.get(pair(a, u))) {
      s.accountUsers.remove(a, u);
      s.userAccounts.remove(u, a);
    }
    return changed;
  },
  partnerAccess(s: AccessState, svc: string, a: string, u: string): boolean {
    s.partnerUsers.add(a, u);
    s.userPartner.add(u, a);
    return s.partner.add(pair(a, u), svc);
  },
  unPartnerAccess(s: AccessState, svc: string, a: string, u: string): boolean {
    const changed = s.partner.remove(pair(a, u), svc);
    if (!s.partner.get(pair(a, u))) {
      s.partnerUsers.remove(a, u);
      s.userPartner.remove(u, a);
    }
    return changed;
  },
};

/** Builds the indexes of a snapshot in one pass over its records. */
export const buildState = (snap: Snapshot): AccessState => {
  const s = emptyState();
  for (const a of snap.Account) s.accounts.set(a.accountId, a);
  for (const r of snap.Role) s.roles.set(r.id, r);
  for (const u of snap.User) s.users.set(u.userId, u);
  for (const c of snap.AccountSSOConfig) if (c.enabled !== false) s.sso.set(c.accountId, true);
  for (const g of snap.AccountGroup) {
    s.groups.set(g.id, g);
    s.groupNames.set(groupNameKey(g.accountId, g.name), g.id);
  }
  // Bulk loads skip the copy-on-write checks: the base has no parent.
  for (const l of snap.AccountGroupAccount) {
    s.groupAccounts.load(l.accountGroupId, l.accountId);
    s.accountGroups.load(l.accountId, l.accountGroupId);
  }
  for (const l of snap.AccountGroupUserRole) {
    s.userGroupRoles.load(l.userId, l.accountGroupId, l.roleId);
    s.groupUsers.load(l.accountGroupId, l.userId);
    s.roleHolders.load(l.roleId, holderOfGroup(l.accountGroupId, l.userId));
  }
  for (const l of snap.AccountUserRole) link.accountUserRole(s, l.accountId, l.userId, l.roleId);
  for (const p of snap.PartnerService) {
    s.services.set(p.id, p);
    for (const a of p.accountIds) s.serviceAccounts.add(p.id, a);
  }
  for (const p of snap.PartnerAccountAccess) link.partnerAccess(s, p.serviceId, p.accountId, p.userId);
  for (const e of buildCatalogue(snap)) s.catalogue.set(pair(e.objectType, e.id), e);
  // Part of the build, not of the first reach: All Accounts may hold 100,000 accounts.
  warmGroupInfo(s);
  return s;
};

const privCache = new WeakMap<Role, ReadonlySet<string>>();
/** A role's privilege names; R17: read live from the role, so a change reaches every holder. */
export const privilegesOf = (role: Role | undefined): ReadonlySet<string> => {
  if (!role) return new Set();
  let p = privCache.get(role);
  if (!p) privCache.set(role, (p = new Set((role.Privileges?.Privilege ?? []).map((x) => x.name))));
  return p;
};

export const isBuiltIn = (role: Role | undefined): boolean => role?.accountId === BUILT_IN_ROLE_ACCOUNT;

/** R16: a custom role owned by another account is shown as "Name (shared)" in this account. */
export const roleLabel = (s: AccessState, roleId: string, accountId: string): string => {
  const role = s.roles.get(roleId);
  if (!role) return `unknown role ${roleId}`;
  const shared = !isBuiltIn(role) && role.accountId !== undefined && role.accountId !== accountId;
  return shared ? `${role.name} (shared)` : role.name;
};

/**
 * A user the snapshot knows: a User record, or (against the vendor API, which lists no users)
 * anyone holding a role or partner access already. Anyone else is unknown even when the snapshot
 * has no User records at all: on the vendor's API a role for an unknown id creates a user.
 */
export const isKnownUser = (s: AccessState, u: string): boolean =>
  s.users.has(u) || s.userGroupRoles.get(u) !== undefined || s.userAccounts.get(u) !== undefined ||
  s.userPartner.get(u) !== undefined;

/** The User record says the user has never signed in (the vendor then refuses them a group's roles). */
export const hasNeverSignedIn = (s: AccessState, u: string): boolean => s.users.get(u)?.neverSignedIn === true;

/** Every user isKnownUser accepts: the pickers offer these (the vendor's API lists users only through their roles). */
export const knownUserIds = (s: AccessState): string[] =>
  [...new Set([...s.users.keys(), ...s.userGroupRoles.layer.keys(), ...s.userAccounts.keys(), ...s.userPartner.keys()])];

export const groupResourcesOf = (g: AccountGroup | undefined) => g?.Resources?.Resource ?? [];

/** R15/R18: is the custom role shared with `accountId` by any group containing it? */
export const isRoleSharedWith = (s: AccessState, roleId: string, accountId: string): boolean => {
  for (const g of s.accountGroups.get(accountId) ?? []) {
    if (groupResourcesOf(s.groups.get(g)).some((r) => r.objectType === 'Role' && r.resourceId === roleId)) return true;
  }
  return false;
};

/**
 * The primary account of a snapshot: the account with account groups enabled (R1), else the
 * one that is parent of the others, else the first account.
 */
const primaryMemo = new WeakMap<object, string | undefined>();
export const primaryAccountId = (s: AccessState): string | undefined => {
  // Memoised on the snapshot's own accounts layer, shared by every fork: no op adds or removes
  // an account or changes the fields read here, and at 100,000 accounts the scan is worth doing once.
  const accounts = s.accounts.root();
  if (primaryMemo.has(accounts)) return primaryMemo.get(accounts);
  let parentOfOthers: string | undefined;
  let first: string | undefined;
  let found: string | undefined;
  for (const id of accounts.keys()) {
    const a = accounts.get(id)!;
    if (a.accountGroupsEnabled) {
      found = id;
      break;
    }
    first ??= id;
    if (a.parentAccountId && !parentOfOthers) parentOfOthers = a.parentAccountId;
  }
  const result = found ?? parentOfOthers ?? first;
  primaryMemo.set(accounts, result);
  return result;
};
