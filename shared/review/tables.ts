import type { AccessState, Via } from '../access';
import { reach, roleLabel, who } from '../access';
import { userName } from '../access/reach';
import { groupResourcesOf } from '../access/state';

/** DESIGN.md: the access table's CSV header, exactly. */
export const ACCESS_COLUMNS = ['userId', 'accountId', 'accountName', 'canLogIn', 'via', 'roles', 'groups'] as const;
/** DESIGN.md: the layout table's CSV header, exactly. */
export const LAYOUT_COLUMNS = ['group', 'kind', 'id', 'name', 'roles'] as const;

export interface AccessRow {
  userId: string;
  accountId: string;
  accountName: string;
  canLogIn: boolean;
  via: Via;
  roles: string[];
  /** The groups that bring the roles (R7, R8); none when direct roles win (R9) or for partner access. */
  groups: string[];
}

export interface LayoutRow {
  group: string;
  kind: 'account' | 'user' | 'resource';
  id: string;
  name: string;
  roles: string[];
}

/** Several roles or groups in one CSV cell, as DESIGN.md says. */
export const joinCell = (xs: readonly string[]): string => xs.join(';');

export const accessCells = (r: AccessRow): string[] =>
  [r.userId, r.accountId, r.accountName, String(r.canLogIn), r.via, joinCell(r.roles), joinCell(r.groups)];

export const layoutCells = (r: LayoutRow): string[] => [r.group, r.kind, r.id, r.name, joinCell(r.roles)];

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Accounts sorted by name then id: the order of every report. */
export const sortedAccounts = (s: AccessState): string[] => {
  const ids = s.accounts.keys();
  const name = (a: string) => s.accounts.get(a)?.name ?? a;
  return ids.map((a) => ({ a, k: `${name(a)}\u0000${a}` })).sort((x, y) => cmp(x.k, y.k)).map((x) => x.a);
};

/** Groups sorted by name then id (All Accounts where its name puts it). */
export const sortedGroups = (s: AccessState): string[] =>
  s.groups.keys().map((g) => ({ g, k: `${s.groups.get(g)!.name}\u0000${g}` })).sort((x, y) => cmp(x.k, y.k)).map((x) => x.g);

/** The user's groups containing the account, by name: walks the smaller of the two sets. */
export const groupsThrough = (s: AccessState, u: string, a: string): string[] => {
  const mine = s.userGroupRoles.get(u);
  const its = s.accountGroups.get(a);
  if (!mine || !its) return [];
  const out: string[] = [];
  if (its.size <= mine.size) for (const g of its) { if (mine.has(g)) out.push(s.groups.get(g)?.name ?? g); }
  else for (const g of mine.keys()) if (its.has(g)) out.push(s.groups.get(g)?.name ?? g);
  return out.sort();
};

/** The users of a state, sorted: the order of the access table. */
export const sortedUsers = (s: AccessState): string[] => {
  const ids = new Set<string>(s.users.keys());
  for (const u of s.userGroupRoles.keys()) ids.add(u);
  for (const u of s.userAccounts.keys()) ids.add(u);
  for (const u of s.userPartner.keys()) ids.add(u);
  return [...ids].sort(cmp);
};

/**
 * Everyone's access (R13: the accounts each user can log into), user by user through `reach`,
 * whose fast path lists All Accounts without evaluating each account: the table is as long as
 * the access it lists (millions of rows at the large tier), so it is yielded, never held.
 * `accounts` keeps only those accounts (an account's view, a filtered export).
 */
export function* accessRows(s: AccessState, users: Iterable<string> = sortedUsers(s), accounts?: ReadonlySet<string>): Generator<AccessRow> {
  for (const u of users) {
    for (const r of reach(s, u)) {
      if (accounts && !accounts.has(r.accountId)) continue;
      const viaGroups = r.via === 'group' || r.via === 'sso';
      yield { userId: u, accountId: r.accountId, accountName: r.name, canLogIn: true, via: r.via, roles: r.roles, groups: viaGroups ? groupsThrough(s, u, r.accountId) : [] };
    }
  }
}

/** One account's rows of the access table, through `who` (per account, from the indexes). */
export function* accountAccessRows(s: AccessState, a: string): Generator<AccessRow> {
  const accountName = s.accounts.get(a)?.name ?? a;
  for (const w of who(s, a)) {
    const viaGroups = w.via === 'group' || w.via === 'sso';
    yield { userId: w.userId, accountId: a, accountName, canLogIn: true, via: w.via, roles: w.roles, groups: viaGroups ? groupsThrough(s, w.userId, a) : [] };
  }
}

/** One group's part of the layout: its accounts, its Users in Group with roles (R7), its resources (R24). */
export function* groupLayoutRows(s: AccessState, g: string): Generator<LayoutRow> {
  const group = s.groups.get(g);
  const name = group?.name ?? g;
  const owner = group?.accountId ?? '';
  for (const a of [...(s.groupAccounts.get(g) ?? [])].sort()) yield { group: name, kind: 'account', id: a, name: s.accounts.get(a)?.name ?? a, roles: [] };
  for (const u of [...(s.groupUsers.get(g) ?? [])].sort()) {
    const roles = [...(s.userGroupRoles.getSet(u, g) ?? [])].map((r) => roleLabel(s, r, owner)).sort();
    yield { group: name, kind: 'user', id: u, name: userName(s, u), roles };
  }
  for (const r of groupResourcesOf(group)) yield { group: name, kind: 'resource', id: r.resourceId, name: r.resourceName, roles: [] };
}

/** DESIGN.md's layout table: every group, its accounts, users with roles and resources. */
export function* layoutRows(s: AccessState, groups: Iterable<string> = sortedGroups(s)): Generator<LayoutRow> {
  for (const g of groups) yield* groupLayoutRows(s, g);
}
