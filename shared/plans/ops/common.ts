import type { AccessState } from '../../access/state';
import { isBuiltIn } from '../../access/state';

const MAX_NAMES = 5;

/** "a, b, c and 4 more": refusals name what they refuse without flooding the screen. */
export const listNames = (xs: string[]): string =>
  xs.slice(0, MAX_NAMES).map((x) => `"${x}"`).join(', ') + (xs.length > MAX_NAMES ? ` and ${xs.length - MAX_NAMES} more` : '');

export const missing = (what: string, ids: readonly string[], exists: (id: string) => boolean): string | null => {
  const unknown = ids.filter((id) => !exists(id));
  return unknown.length ? `unknown ${what}${unknown.length > 1 ? 's' : ''} ${listNames(unknown)}` : null;
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
  if (!owner.accountGroupsEnabled) {
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
  if (taken && taken !== self) return `a group named "${trimmed}" already exists in this primary account`;
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
