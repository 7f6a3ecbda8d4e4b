import { WrittenName } from '../../../shared/model';
import type { PlanOp } from '../../../shared/plans/types';

/**
 * Plan building for the Groups area: pure functions from the admin's gesture (a drop, a menu
 * choice, a dialog) to resolved PlanOps, or a refusal that says which rule forbids it.
 */

export interface GroupRef {
  id: string;
  name: string;
  defaultGroup?: boolean;
}

export interface SkippedAccount {
  accountId: string;
  reason: string;
}

export type Planned = { ok: true; ops: PlanOp[]; skipped: SkippedAccount[] } | { ok: false; reason: string };

export interface AddAccountsInput {
  group: GroupRef;
  accountIds: readonly string[];
  /** The group's members, confirmed ⊕ pending: re-adding them would be a no-op. */
  members: ReadonlySet<string>;
  primaryAccountId: string | null;
}

export const planAddAccounts = ({ group, accountIds, members, primaryAccountId }: AddAccountsInput): Planned => {
  if (group.defaultGroup) {
    return { ok: false, reason: `"${group.name}" is the default group: it already holds every account the primary account manages, and new accounts join it automatically (R3).` };
  }
  const skipped: SkippedAccount[] = [];
  const add: string[] = [];
  const seen = new Set<string>();
  for (const accountId of accountIds) {
    if (seen.has(accountId)) continue;
    seen.add(accountId);
    if (accountId === primaryAccountId) skipped.push({ accountId, reason: 'the primary account is never a member of its own groups (R2)' });
    else if (members.has(accountId)) skipped.push({ accountId, reason: `already in ${group.name}` });
    else add.push(accountId);
  }
  if (add.length === 0) return { ok: false, reason: `Nothing to add: ${skipped.length === 1 ? 'the account is' : `all ${skipped.length} accounts are`} already in ${group.name} or cannot join it.` };
  return { ok: true, ops: [{ op: 'group.addAccounts', groupId: group.id, accountIds: add }], skipped };
};

export interface RemoveAccountsInput {
  group: GroupRef;
  accountIds: readonly string[];
  /** The group's members, confirmed ⊕ pending: only they can be removed. */
  members: ReadonlySet<string>;
}

export const planRemoveAccounts = ({ group, accountIds, members }: RemoveAccountsInput): Planned => {
  if (group.defaultGroup) {
    return { ok: false, reason: `Accounts cannot be removed from "${group.name}": it holds every account the primary account manages (R3).` };
  }
  const unique = [...new Set(accountIds)];
  const remove = unique.filter((a) => members.has(a));
  const skipped = unique.filter((a) => !members.has(a)).map((accountId) => ({ accountId, reason: `not in ${group.name}` }));
  if (remove.length === 0) return { ok: false, reason: `Nothing to remove: none of the selected accounts is in ${group.name}.` };
  return { ok: true, ops: [{ op: 'group.removeAccounts', groupId: group.id, accountIds: remove }], skipped };
};

export const removeFromGroupRefusal = (group: GroupRef): string | null =>
  group.defaultGroup ? `Accounts cannot be removed from "${group.name}" (R3).` : null;

export interface AddUserRolesInput {
  group: GroupRef;
  userIds: readonly string[];
  roleIds: readonly string[];
  /** `${userId}\n${roleId}` pairs the group already has (confirmed): a plan of only these is a no-op. */
  existing: ReadonlySet<string>;
}

/** R7: users dropped on a group get the picked role(s) there. */
export const planAddUserRoles = ({ group, userIds, roleIds, existing }: AddUserRolesInput): Planned => {
  const users = [...new Set(userIds)];
  const roles = [...new Set(roleIds)];
  if (users.length === 0) return { ok: false, reason: 'No users selected.' };
  if (roles.length === 0) return { ok: false, reason: 'Pick at least one role: a user in a group holds one or more roles there (R4, R7).' };
  const missing = users.filter((u) => roles.some((r) => !existing.has(`${u}\n${r}`)));
  if (missing.length === 0) return { ok: false, reason: `Nothing to add: the selected users already hold these roles in ${group.name}.` };
  return { ok: true, ops: [{ op: 'group.addUserRoles', groupId: group.id, userIds: missing, roleIds: roles }], skipped: [] };
};

export interface PrimaryAccountRef {
  accountId: string;
  name?: string;
  accountGroupsEnabled?: boolean;
}

const checkName = (name: string, existing: readonly GroupRef[], exceptId?: string): { ok: true; name: string } | { ok: false; reason: string } => {
  const parsed = WrittenName.safeParse(name);
  if (!parsed.success) return { ok: false, reason: `The name ${parsed.error.issues[0]?.message ?? 'is invalid'}.` };
  const clash = existing.find((g) => g.id !== exceptId && g.name.trim().toLowerCase() === parsed.data.toLowerCase());
  if (clash) return { ok: false, reason: `A group named "${clash.name}" already exists in this primary account.` };
  return { ok: true, name: parsed.data };
};

export interface GroupsUnavailable {
  /** One line: why every group action is disabled (R1). */
  reason: string;
  /** What it means and what to do, for the Groups screen. */
  guidance: string;
}

/**
 * R1: account groups exist only for a primary account with the account-groups feature enabled.
 * Only a platform that says the feature is off counts (the vendor's API does not tell: unknown
 * is no refusal); the guidance follows the vendor's docs: a single account needs no groups, and
 * an admin who manages several accounts asks Boomi to enable primary accounts and the feature.
 */
export const groupsUnavailable = (primary: PrimaryAccountRef | null): GroupsUnavailable | null => {
  if (primary?.accountGroupsEnabled !== false) return null;
  const name = primary.name ?? primary.accountId;
  return {
    reason: `${name} does not have account groups enabled: groups exist only for a primary account with the feature (R1).`,
    guidance:
      `${name} is a single account: account groups are neither available nor needed for it, so every group action is disabled. ` +
      'If you manage several accounts, contact Boomi (your account representative or Boomi Support) to have primary accounts and ' +
      'the Account Groups feature enabled for this account. Once it is enabled, refresh from the platform: the All Accounts group ' +
      'then appears here, holding every account it manages (R3).',
  };
};

export const planCreateGroup = (name: string, existing: readonly GroupRef[], primary: PrimaryAccountRef | null): Planned => {
  if (!primary) return { ok: false, reason: 'No primary account is known yet: refresh from the platform first.' };
  const off = groupsUnavailable(primary);
  if (off) return { ok: false, reason: off.reason };
  const checked = checkName(name, existing);
  if (!checked.ok) return checked;
  return { ok: true, ops: [{ op: 'group.create', name: checked.name, accountId: primary.accountId }], skipped: [] };
};

export const planRenameGroup = (group: GroupRef, name: string, existing: readonly GroupRef[]): Planned => {
  if (group.defaultGroup) return { ok: false, reason: `"${group.name}" is the default group and cannot be renamed (R3).` };
  const checked = checkName(name, existing, group.id);
  if (!checked.ok) return checked;
  if (checked.name === group.name) return { ok: false, reason: 'The new name is the same as the current one.' };
  return { ok: true, ops: [{ op: 'group.rename', groupId: group.id, name: checked.name }], skipped: [] };
};

/** R3's refusals, said before the admin tries: the UI disables the action and shows this. */
export const renameRefusal = (group: GroupRef): string | null =>
  group.defaultGroup ? `"${group.name}" is the default group and cannot be renamed (R3).` : null;

export const addToGroupRefusal = (group: GroupRef): string | null =>
  group.defaultGroup ? `"${group.name}" already holds every account (R3).` : null;

export interface MemberRoles {
  userId: string;
  /** The roles the user holds in the group now (confirmed ⊕ pending). */
  roleIds: readonly string[];
}

/** One op per distinct role set: every op removes only pairs that exist (no "unchanged" half-ops). */
const removeOps = (group: GroupRef, members: readonly MemberRoles[], onlyRoles?: ReadonlySet<string>): PlanOp[] => {
  const bySet = new Map<string, { userIds: string[]; roleIds: string[] }>();
  for (const m of members) {
    const roleIds = [...new Set(m.roleIds)].filter((r) => !onlyRoles || onlyRoles.has(r)).sort();
    if (!roleIds.length) continue;
    const k = roleIds.join('\n');
    const g = bySet.get(k) ?? { userIds: [], roleIds };
    g.userIds.push(m.userId);
    bySet.set(k, g);
  }
  return [...bySet.values()].map((g) => ({ op: 'group.removeUserRoles', groupId: group.id, userIds: g.userIds, roleIds: g.roleIds }));
};

/** "Remove from group": the selected users lose every role they hold in the group, so they leave it (R7). */
export const planRemoveUsersFromGroup = (group: GroupRef, members: readonly MemberRoles[]): Planned => {
  if (members.length === 0) return { ok: false, reason: 'No users selected.' };
  const ops = removeOps(group, members);
  if (ops.length === 0) return { ok: false, reason: `Nothing to remove: the selected users hold no roles in ${group.name}.` };
  return { ok: true, ops, skipped: [] };
};

/**
 * "Change roles…": the roles to add go to every selected user who lacks them, the roles to remove
 * go from every selected user who holds them. A user left with no role leaves the group (R7); the
 * preview says so through its access diff.
 */
export const planChangeRoles = (group: GroupRef, members: readonly MemberRoles[], add: readonly string[], remove: readonly string[]): Planned => {
  if (members.length === 0) return { ok: false, reason: 'No users selected.' };
  const both = add.filter((r) => remove.includes(r));
  if (both.length) return { ok: false, reason: 'A role cannot be both added and removed.' };
  const ops: PlanOp[] = [];
  for (const r of new Set(add)) {
    const lacking = members.filter((m) => !m.roleIds.includes(r)).map((m) => m.userId);
    if (lacking.length) ops.push({ op: 'group.addUserRoles', groupId: group.id, userIds: lacking, roleIds: [r] });
  }
  ops.push(...removeOps(group, members, new Set(remove)));
  if (ops.length === 0) return { ok: false, reason: `Nothing to change: the selected users already hold exactly these roles in ${group.name}.` };
  return { ok: true, ops, skipped: [] };
};

export type DropMode = 'copy' | 'move';

/**
 * A move: the accounts leave `source` and join `target`, as one plan (one preview, one undo).
 * Accounts already in the target still leave the source; All Accounts cannot be a move's source
 * (R3: accounts never leave it), so that is refused and a copy is what remains.
 */
export const planMoveAccounts = (source: GroupRef, add: AddAccountsInput, sourceMembers: ReadonlySet<string>): Planned => {
  if (source.defaultGroup) return { ok: false, reason: `Accounts cannot be moved out of "${source.name}" (R3): copy them instead (drop without Shift).` };
  if (source.id === add.group.id) return { ok: false, reason: 'The accounts are already in this group.' };
  const removed = planRemoveAccounts({ group: source, accountIds: add.accountIds, members: sourceMembers });
  if (!removed.ok) return removed;
  const added = planAddAccounts(add);
  const ops = [...removed.ops, ...(added.ok ? added.ops : [])];
  const skipped = [...removed.skipped, ...(added.ok ? added.skipped : add.accountIds.map((accountId) => ({ accountId, reason: `already in ${add.group.name}` })))];
  return { ok: true, ops, skipped };
};
