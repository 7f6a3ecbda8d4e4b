import type { OpModule } from '../op';
import { link } from '../../access/state';
import { firstRefusal, groupRefusal, listNames, missing } from './common';

/** R2: a group's members are accounts the primary manages, never the primary itself. */
const memberRefusal = (s: Parameters<OpModule<'group.addAccounts'>['refuse']>[0], groupId: string, ids: string[]): string | null => {
  const owner = s.groups.get(groupId)!.accountId;
  if (ids.includes(owner)) return 'R2: the primary account is never a member of its own groups';
  const foreign = ids.filter((a) => {
    const parent = s.accounts.get(a)!.parentAccountId;
    return parent !== undefined && parent !== owner;
  });
  return foreign.length ? `R2: ${listNames(foreign)} ${foreign.length > 1 ? 'are' : 'is'} not managed by this primary account` : null;
};

export const groupAddAccounts: OpModule<'group.addAccounts'> = {
  kind: 'group.addAccounts',
  refuse: (s, op) =>
    firstRefusal(
      () => groupRefusal(s, op.groupId),
      () => missing('account', op.accountIds, (a) => s.accounts.has(a)),
      () => memberRefusal(s, op.groupId, op.accountIds),
    ),
  unchanged: (s, op) => op.accountIds.every((a) => s.groupAccounts.has(op.groupId, a)),
  perform(draft, op) {
    for (const a of op.accountIds) link.groupAccount(draft, op.groupId, a);
  },
  touches(s, op, touch) {
    const users = s.groupUsers.get(op.groupId) ?? [];
    for (const a of op.accountIds) {
      for (const u of users) touch(u, a);
      // R18 in reverse: roles shared by this group become valid again for direct holders.
      for (const u of s.accountUsers.get(a) ?? []) touch(u, a);
    }
  },
};
