import { z } from 'zod';
import type { AccountGroup } from '../../model';
import { Id, ResourceObjectType } from '../../model';
import type { AccessState } from '../../access/state';
import { groupNameKey, isBuiltIn, isKnownUser, primaryAccountId } from '../../access/state';
import { pair } from '../../access/layer';
import { isProvisionalId, provisionalName } from '../ids';
import type { Touch } from '../op';
import type { PlanOp } from '../types';

/** Schema pieces the op schemas share. */
export const Ids = z.array(Id).min(1).max(100_000);
export const ResourceRef = z.strictObject({ objectType: ResourceObjectType, resourceId: Id, resourceName: z.string().max(255).optional() });

/**
 * The group an op names. A provisional id `new:<name>` is the group a create made in this state,
 * or, once the create has landed and been pulled, the group of that name.
 */
export const groupOf = (s: AccessState, id: string): AccountGroup | undefined => {
  const exact = s.groups.get(id);
  if (exact || !isProvisionalId(id)) return exact;
  const owner = primaryAccountId(s);
  const real = owner === undefined ? undefined : s.groupNames.get(groupNameKey(owner, provisionalName(id)));
  const g = real === undefined ? undefined : s.groups.get(real);
  return g && !g.defaultGroup ? g : undefined;
};

/** `op` with a provisional group id replaced by the real one when `s` knows it by name. */
export const onRealGroup = <O extends PlanOp>(s: AccessState, op: O): O => {
  if (!('groupId' in op) || !isProvisionalId(op.groupId) || s.groups.has(op.groupId)) return op;
  const g = groupOf(s, op.groupId);
  return g ? { ...op, groupId: g.id } : op;
};

/**
 * The pairs of a bulk op (each `a` with each `b`) that `keep` selects, as one list of `a`s per
 * `b`: the inverse of a bulk op in as few ops as it takes. Empty when nothing is selected.
 */
export const pairsBy = (as: readonly string[], bs: readonly string[], keep: (a: string, b: string) => boolean): [string[], string][] => {
  const out: [string[], string][] = [];
  for (const b of new Set(bs)) {
    const kept = [...new Set(as)].filter((a) => keep(a, b));
    if (kept.length) out.push([kept, b]);
  }
  return out;
};

const MAX_NAMES = 5;

/** "a, b, c and 4 more": refusals name what they refuse without flooding the screen. */
export const listNames = (xs: string[]): string =>
  xs.slice(0, MAX_NAMES).map((x) => `"${x}"`).join(', ') + (xs.length > MAX_NAMES ? ` and ${xs.length - MAX_NAMES} more` : '');

export const missing = (what: string, ids: readonly string[], exists: (id: string) => boolean): string | null => {
  const unknown = ids.filter((id) => !exists(id));
  return unknown.length ? `unknown ${what}${unknown.length > 1 ? 's' : ''} ${listNames(unknown)}` : null;
};

/**
 * User ids Roster has never seen (no User record, no role, no partner access). On the vendor's
 * API a role on an account for an unknown id creates that user, so a typo must not reach it:
 * `confirmable` says how the admin confirms a new user instead. That is said only of a platform
 * that may behave so: one whose users the state lists (User records: the reference platform's
 * default profile) has none by that id and refuses the role, so there it is a misspelt id. A
 * state with no User records is taken as the vendor's (as `behavesAsVendor` takes the unknown).
 */
export const unseenUsers = (s: AccessState, ids: readonly string[], seen: (id: string) => boolean, confirmable = false): string | null => {
  const unseen = [...new Set(ids.filter((id) => !seen(id)))];
  if (!unseen.length) return null;
  const many = unseen.length > 1;
  const which = `unknown ${many ? 'users' : 'user'} ${listNames(unseen)}: Roster has never seen ${many ? 'these ids' : 'this id'}`;
  if (!confirmable) return `${which}; only a user who exists and has signed in can be added to a group's users`;
  // Only reached with an unseen id, so listing the users costs nothing on the common path.
  return s.users.keys().length
    ? `${which}, and this platform lists its users: none has ${many ? 'these ids' : 'this id'}; check the spelling`
    : `${which}, and the platform would create a new user; check the spelling, or confirm ${many ? 'them' : 'it'} as new (newUsers)`;
};

/**
 * A removal naming users Roster does not know removes nothing from them: nobody by that id holds
 * a role here. Where the API lists no users (the vendor's), Roster knows a user only by their
 * roles, so once an earlier run took a user's last roles a re-run names someone it cannot see;
 * the id may as well be a typo. Such a removal is not refused but unchanged for them (nothing to
 * send), and this note says which it may be, so a typo is never reported as done.
 */
export const unknownUsersNote = (s: AccessState, userIds: readonly string[], held = 'these roles'): string | null => {
  const unknown = [...new Set(userIds.filter((u) => !isKnownUser(s, u)))];
  if (!unknown.length) return null;
  const many = unknown.length > 1;
  return `Roster knows no user${many ? 's' : ''} ${listNames(unknown)}, so nothing was removed: nobody by ${many ? 'those ids' : 'that id'} holds ${held} here; ` +
    `an earlier run may have taken ${many ? 'their last roles' : 'their last role'}, otherwise check the spelling`;
};

/** Unknown group, or R1: its owner is not a primary account with account groups enabled. */
export const groupRefusal = (s: AccessState, groupId: string): string | null => {
  const g = s.groups.get(groupId);
  if (!g) return `unknown group "${groupId}"`;
  return ownerRefusal(s, g.accountId);
};

export const ownerRefusal = (s: AccessState, accountId: string | undefined): string | null => {
  const owner = accountId ? s.accounts.get(accountId) : undefined;
  if (!owner) return `R1: no primary account${accountId ? ` "${accountId}"` : ''} in the snapshot; account groups need one`;
  // Unknown is not false: the vendor's Account does not say, and then the platform decides (R1).
  if (owner.accountGroupsEnabled === false) {
    return `R1: account "${owner.name ?? owner.accountId}" is not a primary account with account groups enabled, so it has no groups`;
  }
  return null;
};

export const firstRefusal = (...checks: (() => string | null)[]): string | null => {
  for (const c of checks) {
    const r = c();
    if (r) return r;
  }
  return null;
};

/** Group names: non-empty, at most 255 characters, unique (case-insensitively) within the primary. */
export const nameRefusal = (s: AccessState, owner: string, name: string, self?: string): string | null => {
  const trimmed = name.trim();
  if (!trimmed) return 'a group name must not be empty';
  if (trimmed.length > 255) return `the group name is ${trimmed.length} characters long; at most 255 are allowed`;
  const taken = s.groupNames.get(`${owner}\n${trimmed.toLowerCase()}`);
  if (taken && taken !== self) {
    const existing = s.groups.get(taken)?.name.trim() ?? trimmed;
    const caseNote = existing !== trimmed ? ' (group names are unique regardless of case)' : '';
    return `a group named "${existing}" already exists in this primary account${caseNote}`;
  }
  return null;
};

/** Roles a group may give (R7, R15): built-in roles, or custom roles of the primary shared with the group. */
export const groupRoleRefusal = (s: AccessState, groupId: string, roleIds: readonly string[]): string | null => {
  const g = s.groups.get(groupId)!;
  for (const r of roleIds) {
    const role = s.roles.get(r)!;
    if (isBuiltIn(role)) continue;
    if (role.accountId !== g.accountId) return `R15: role "${role.name}" belongs to another account and cannot be given in group "${g.name}"`;
    const shared = (g.Resources?.Resource ?? []).some((x) => x.objectType === 'Role' && x.resourceId === r);
    if (!shared) return `R15: custom role "${role.name}" is not shared with group "${g.name}"; share it as a Role resource first`;
  }
  return null;
};

export const everyPair = <A, B>(as: Iterable<A>, bs: readonly B[], f: (a: A, b: B) => boolean): boolean => {
  for (const a of as) for (const b of bs) if (!f(a, b)) return false;
  return true;
};

/**
 * The inverse of a partner grant or revoke: accounts whose changed users are the same go back in
 * one op (a grant to N users on M accounts undoes as one revoke).
 */
export const accessInverse = (
  before: AccessState,
  op: { serviceId: string; accountIds: string[]; userIds: string[] },
  granting: boolean,
  undo: 'partner.grant' | 'partner.revoke',
): PlanOp[] => {
  const byUsers = new Map<string, { accountIds: string[]; userIds: string[] }>();
  for (const a of op.accountIds) {
    const changed = op.userIds.filter((u) => (before.partner.get(pair(a, u))?.has(op.serviceId) ?? false) !== granting);
    if (!changed.length) continue;
    const k = changed.join('\n');
    const g = byUsers.get(k) ?? { accountIds: [], userIds: changed };
    g.accountIds.push(a);
    byUsers.set(k, g);
  }
  return [...byUsers.values()].map((g) => ({ op: undo, serviceId: op.serviceId, accountIds: g.accountIds, userIds: g.userIds }));
};

/**
 * Whose access an account joining or leaving a group can change: the group's users on it, and
 * its direct holders (R18: the roles the group shares with it come or go for them).
 */
export const touchGroupAccounts = (s: AccessState, groupId: string, accountIds: readonly string[], touch: Touch): void => {
  const users = s.groupUsers.get(groupId) ?? [];
  for (const a of accountIds) {
    for (const u of users) touch(u, a);
    for (const u of s.accountUsers.get(a) ?? []) touch(u, a);
  }
};

/** Whose access a role given or taken in a group can change: those users, on every account of the group. */
export const touchGroupUsers = (s: AccessState, groupId: string, userIds: readonly string[], touch: Touch): void => {
  const accounts = s.groupAccounts.get(groupId) ?? [];
  for (const u of userIds) for (const a of accounts) touch(u, a);
};
