import type { AccessState } from '../../../shared/access';
import { groupRoles } from '../../../shared/access/evaluate';
import { pair } from '../../../shared/access/layer';
import { userName } from '../../../shared/access/reach';
import { isBuiltIn, knownUserIds, roleLabel } from '../../../shared/access/state';
import { SUPPORT_ACCESS_UNKNOWN, supportAccessOf } from '../../../shared/access/supportAccess';
import { opModule } from '../../../shared/plans/registry';
import type { PlanOp } from '../../../shared/plans/types';
import type { Option } from '../components/EntityPicker';

/**
 * One account's own settings, as plans: its users' direct roles (R6, R9) and its Support Access
 * Role (R10, R16). Used by the Review section's account view and the Access explorer. Every plan
 * goes through the op's own `refuse`/`unchanged`, so what the preview offers is what the op (and
 * so the platform push) accepts.
 */

export type PlannedOps = { ok: true; ops: PlanOp[]; warning?: string } | { ok: false; reason: string };

export const userOptions = (s: AccessState): Option[] =>
  knownUserIds(s)
    .map((id) => ({ id, label: userName(s, id), detail: id }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));

export interface RoleChoice {
  roleId: string;
  name: string;
}

const byName = (a: RoleChoice, b: RoleChoice) => a.name.localeCompare(b.name) || a.roleId.localeCompare(b.roleId);

/**
 * R10, R16: the roles an account may name as its Support Access Role: built-in roles and the
 * account's own custom roles. Shared roles never appear in this list.
 */
export const supportAccessChoices = (s: AccessState, accountId: string): RoleChoice[] =>
  s.roles
    .keys()
    .map((id) => s.roles.get(id)!)
    .filter((r) => isBuiltIn(r) || r.accountId === accountId)
    .map((r) => ({ roleId: r.id, name: roleLabel(s, r.id, accountId) }))
    .sort(byName);

/** R10: one op, refused in words when the platform would refuse it or when nothing changes. */
export const planSupportAccessRole = (s: AccessState, accountId: string, roleId: string | null): PlannedOps => {
  const op = { op: 'account.setSupportAccessRole' as const, accountId, roleId };
  const mod = opModule(op);
  const refusal = mod.refuse(s, op);
  if (refusal) return { ok: false, reason: refusal };
  if (mod.unchanged(s, op)) return { ok: false, reason: 'That is already the account’s Support Access Role.' };
  return { ok: true, ops: [op] };
};

/** The R10 sentence for an account's current setting (unknown on the vendor's API; recorded in Roster). */
export const supportAccessSentence = (s: AccessState, accountId: string): string => {
  const known = supportAccessOf(s.accounts.get(accountId));
  if (known.source === 'unknown') {
    return `${SUPPORT_ACCESS_UNKNOWN}: users who come in only through groups keep their group privileges unless it caps them (R10).`;
  }
  const sar = known.roleId;
  const recorded = known.source === 'recorded' ? ' (recorded in Roster)' : '';
  if (!sar) return known.source === 'recorded' ? 'No Support Access Role (recorded in Roster): users who come in only through groups are not capped (R10).' : 'No Support Access Role is set: users who come in only through groups are not capped (R10).';
  return `Support Access Role: “${roleLabel(s, sar, accountId)}”${recorded}. Users who reach this account only through groups keep only the privileges this role also has (R10); direct users are not capped.`;
};

/**
 * R6, R15, R16, R19: the roles that may be given directly on the account: built-in roles, its own
 * custom roles and, where Advanced User Security is not off, roles a group shares with it (listed
 * "(shared)"). The op's refusal is the one test, so the list never offers what it would refuse.
 */
export const directRoleChoices = (s: AccessState, accountId: string): RoleChoice[] => {
  const probe = { op: 'account.addUserRoles' as const, accountId, userIds: [], roleIds: [] as string[] };
  const mod = opModule(probe);
  return s.roles
    .keys()
    .filter((r) => mod.refuse(s, { ...probe, roleIds: [r] }) === null)
    .map((r) => ({ roleId: r, name: roleLabel(s, r, accountId) }))
    .sort(byName);
};

export interface DirectHolder {
  userId: string;
  name: string;
  roles: RoleChoice[];
  /** R9: the user also has group roles here, which their direct roles make ignored. */
  groupRolesIgnored: boolean;
}

/** Everyone with a direct role on the account (R6), by name. */
export const directHolders = (s: AccessState, accountId: string): DirectHolder[] =>
  [...(s.accountUsers.get(accountId) ?? [])]
    .map((u) => ({
      userId: u,
      name: userName(s, u),
      roles: [...(s.aurRoles.get(pair(accountId, u)) ?? [])].map((r) => ({ roleId: r, name: roleLabel(s, r, accountId) })).sort(byName),
      groupRolesIgnored: groupRoles(s, u, accountId).size > 0,
    }))
    .filter((h) => h.roles.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));

/** R6: give the roles directly on the account to every user who lacks one of them. */
export const planAddDirectRoles = (s: AccessState, accountId: string, userIds: readonly string[], roleIds: readonly string[]): PlannedOps => {
  if (userIds.length === 0) return { ok: false, reason: 'Pick a user.' };
  if (roleIds.length === 0) return { ok: false, reason: 'Pick at least one role.' };
  const op = { op: 'account.addUserRoles' as const, accountId, userIds: [...new Set(userIds)], roleIds: [...new Set(roleIds)] };
  const mod = opModule(op);
  const refusal = mod.refuse(s, op);
  if (refusal) return { ok: false, reason: refusal };
  if (mod.unchanged(s, op)) return { ok: false, reason: 'Nothing to add: the user already holds these roles directly on this account.' };
  // R9: a first direct role makes the user's group roles on this account ignored.
  const masked = op.userIds.filter((u) => (s.aurRoles.get(pair(accountId, u))?.size ?? 0) === 0 && groupRoles(s, u, accountId).size > 0);
  const warning = masked.length
    ? `Direct access wins (R9): once ${masked.map((u) => userName(s, u)).join(', ')} ${masked.length === 1 ? 'has' : 'have'} a direct role here, ${masked.length === 1 ? 'their' : 'their'} group roles on this account are ignored.`
    : undefined;
  return { ok: true, ops: [op], ...(warning ? { warning } : {}) };
};

/**
 * Take direct roles from one user on the account (all of them when `roleIds` is omitted). Once
 * none remain, the user reaches the account through groups only: their group roles apply again
 * (R9) and the Support Access Role caps them (R10); the warning says so, and names the direct
 * roles no group gives (those go).
 */
export const planRemoveDirectRoles = (s: AccessState, accountId: string, userId: string, roleIds?: readonly string[]): PlannedOps => {
  const held = s.aurRoles.get(pair(accountId, userId)) ?? new Set<string>();
  const remove = (roleIds ?? [...held]).filter((r) => held.has(r));
  if (remove.length === 0) return { ok: false, reason: `${userName(s, userId)} has no such direct role on this account.` };
  const op = { op: 'account.removeUserRoles' as const, accountId, userIds: [userId], roleIds: [...new Set(remove)].sort() };
  const refusal = opModule(op).refuse(s, op);
  if (refusal) return { ok: false, reason: refusal };
  const left = held.size - op.roleIds.length;
  if (left > 0) return { ok: true, ops: [op] };
  const viaGroups = groupRoles(s, userId, accountId);
  if (viaGroups.size === 0) return { ok: true, ops: [op], warning: `${userName(s, userId)} has no group role on this account: with no direct role left they can no longer log in there (R13).` };
  const lost = op.roleIds.filter((r) => !viaGroups.has(r)).map((r) => roleLabel(s, r, accountId));
  const sar = supportAccessOf(s.accounts.get(accountId));
  const cap = sar.source === 'unknown'
    ? `, unless its Support Access Role caps them (R10). ${SUPPORT_ACCESS_UNKNOWN}.`
    : sar.roleId ? `, capped by its Support Access Role “${roleLabel(s, sar.roleId, accountId)}” (R10).` : '.';
  return {
    ok: true,
    ops: [op],
    warning: [
      `With no direct role left, ${userName(s, userId)}'s group roles apply on this account again (R9)`,
      cap,
      lost.length ? ` No group gives ${lost.join(', ')}: ${lost.length === 1 ? 'it goes' : 'they go'}.` : '',
    ].join(''),
  };
};
