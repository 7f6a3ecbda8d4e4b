import { z } from 'zod';
import { Id } from '../../model';
import type { AccessState } from '../../access/state';
import { link } from '../../access/state';
import type { OpModule } from '../op';
import { count, list } from '../describe';
import { groupExists } from '../calls/expect';
import { AGA, cross, linkCall, uniq } from '../calls/links';
import { firstRefusal, groupRefusal, Ids, listNames, missing, touchGroupAccounts } from './common';

export const GroupAddAccounts = z.strictObject({ op: z.literal('group.addAccounts'), groupId: Id, accountIds: Ids });

/** R2: a group's members are accounts the primary manages, never the primary itself. */
const memberRefusal = (s: AccessState, groupId: string, ids: string[]): string | null => {
  const owner = s.groups.get(groupId)!.accountId;
  if (ids.includes(owner)) return 'R2: the primary account is never a member of its own groups';
  const foreign = ids.filter((a) => {
    const parent = s.accounts.get(a)!.parentAccountId;
    return parent !== undefined && parent !== owner;
  });
  return foreign.length ? `R2: ${listNames(foreign)} ${foreign.length > 1 ? 'are' : 'is'} not managed by this primary account` : null;
};

/** R4: accounts join a group, one CREATE AccountGroupAccount per account (key group+account). */
export const groupAddAccounts: OpModule<'group.addAccounts'> = {
  kind: 'group.addAccounts',
  schema: GroupAddAccounts,
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
  // R18 in reverse: roles shared by this group become valid again for direct holders.
  touches: (s, op, touch) => touchGroupAccounts(s, op.groupId, op.accountIds, touch),
  calls: (op) =>
    cross([op.groupId], uniq(op.accountIds)).map(([g, a]) => linkCall(AGA, [g!, a!], 'add', { ...op, accountIds: [a!] })),
  expectations: (_s, op) => groupExists(op.groupId),
  describe: (op, n) => `Add ${count(op.accountIds.length, 'account')} to “${n.group(op.groupId)}”: ${list(op.accountIds.map(n.account))}.`,
  inverse(before, op) {
    const added = op.accountIds.filter((a) => !before.groupAccounts.has(op.groupId, a));
    return { ops: added.length ? [{ op: 'group.removeAccounts', groupId: op.groupId, accountIds: added }] : [], notes: [] };
  },
};
