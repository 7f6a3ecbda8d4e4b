import type { OpModule } from '../op';
import type { AccessState } from '../../access/state';
import { groupResourcesOf, isRoleSharedWith, link } from '../../access/state';
import { pair } from '../../access/layer';
import { firstRefusal, groupRefusal, missing } from './common';

/** R18: users of an account that leaves a group lose the shared roles only that group gave it. */
export const dropUnsharedRoles = (draft: AccessState, accountId: string, roleIds: readonly string[]): void => {
  for (const r of roleIds) {
    if (isRoleSharedWith(draft, r, accountId)) continue;
    for (const u of [...(draft.accountUsers.get(accountId) ?? [])]) {
      if (draft.aurRoles.has(pair(accountId, u), r)) link.unAccountUserRole(draft, accountId, u, r);
    }
  }
};

export const sharedRoleIds = (s: AccessState, groupId: string): string[] =>
  groupResourcesOf(s.groups.get(groupId)).filter((r) => r.objectType === 'Role').map((r) => r.resourceId);

export const groupRemoveAccounts: OpModule<'group.removeAccounts'> = {
  kind: 'group.removeAccounts',
  refuse: (s, op) =>
    firstRefusal(
      () => groupRefusal(s, op.groupId),
      () => (s.groups.get(op.groupId)!.defaultGroup ? 'R3: accounts cannot be removed from the "All Accounts" group' : null),
      () => missing('account', op.accountIds, (a) => s.accounts.has(a)),
    ),
  unchanged: (s, op) => op.accountIds.every((a) => !s.groupAccounts.has(op.groupId, a)),
  perform(draft, op) {
    const shared = sharedRoleIds(draft, op.groupId);
    for (const a of op.accountIds) {
      if (link.unGroupAccount(draft, op.groupId, a) && shared.length) dropUnsharedRoles(draft, a, shared);
    }
  },
  touches(s, op, touch) {
    const users = s.groupUsers.get(op.groupId) ?? [];
    for (const a of op.accountIds) {
      for (const u of users) touch(u, a);
      for (const u of s.accountUsers.get(a) ?? []) touch(u, a);
    }
  },
};
