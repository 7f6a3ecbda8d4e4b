import type { AccountGroup } from '../model';
import type { AccessState } from './state';
import { roleLabel } from './state';

/** Plain lookups for views (group pages, account pages), on a confirmed or optimistic state. */

export const groupsOf = (s: AccessState, ownerAccountId?: string): AccountGroup[] =>
  s.groups.keys().map((id) => s.groups.get(id)!).filter((g) => !ownerAccountId || g.accountId === ownerAccountId);

export const accountsInGroup = (s: AccessState, groupId: string): string[] => [...(s.groupAccounts.get(groupId) ?? [])];

export const groupsOfAccount = (s: AccessState, accountId: string): string[] => [...(s.accountGroups.get(accountId) ?? [])];

/** "Users in Group" (R7): each user with their roles in the group. */
export const usersInGroup = (s: AccessState, groupId: string): { userId: string; roleIds: string[]; roles: string[] }[] => {
  const owner = s.groups.get(groupId)?.accountId ?? '';
  return [...(s.groupUsers.get(groupId) ?? [])].map((userId) => {
    const roleIds = [...(s.userGroupRoles.getSet(userId, groupId) ?? [])];
    return { userId, roleIds, roles: roleIds.map((r) => roleLabel(s, r, owner)) };
  });
};
