import { z } from 'zod';
import { Id } from '../../model';
import type { AccessState } from '../../access/state';
import { groupResourcesOf, isRoleSharedWith, link } from '../../access/state';
import { pair } from '../../access/layer';
import type { OpModule } from '../op';
import { count, list } from '../describe';
import { groupExists } from '../calls/expect';
import { AGA, cross, linkCall, uniq } from '../calls/links';
import { firstRefusal, groupRefusal, Ids, missing, touchGroupAccounts } from './common';

export const GroupRemoveAccounts = z.strictObject({ op: z.literal('group.removeAccounts'), groupId: Id, accountIds: Ids });

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

/**
 * Accounts leave a group: one DELETE AccountGroupAccount per account (R3: never from All
 * Accounts; R18: the platform drops the shared roles that depended on it, and so does `perform`).
 */
export const groupRemoveAccounts: OpModule<'group.removeAccounts'> = {
  kind: 'group.removeAccounts',
  schema: GroupRemoveAccounts,
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
  touches: (s, op, touch) => touchGroupAccounts(s, op.groupId, op.accountIds, touch),
  calls: (op) =>
    cross([op.groupId], uniq(op.accountIds)).map(([g, a]) => linkCall(AGA, [g!, a!], 'remove', { ...op, accountIds: [a!] })),
  expectations: (_s, op) => groupExists(op.groupId),
  describe: (op, n) => `Remove ${count(op.accountIds.length, 'account')} from “${n.group(op.groupId)}”: ${list(op.accountIds.map(n.account))}.`,
  inverse(before, op) {
    const removed = op.accountIds.filter((a) => before.groupAccounts.has(op.groupId, a));
    if (!removed.length) return { ops: [], notes: [] };
    const cascade = sharedRoleIds(before, op.groupId).length > 0;
    return {
      ops: [{ op: 'group.addAccounts', groupId: op.groupId, accountIds: removed }],
      notes: cascade ? ['Shared roles the platform took from users when their account left the group (R18) are not given back.'] : [],
    };
  },
};
