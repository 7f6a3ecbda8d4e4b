import { z } from 'zod';
import { Id } from '../../model';
import { link } from '../../access/state';
import { pair } from '../../access/layer';
import type { OpModule } from '../op';
import { list } from '../describe';
import { accountExists } from '../calls/expect';
import { AUR, cross, linkCall, uniq } from '../calls/links';
import { everyPair, firstRefusal, Ids, missing, pairsBy, unknownUsersNote } from './common';

export const AccountRemoveUserRoles = z.strictObject({ op: z.literal('account.removeUserRoles'), accountId: Id, userIds: Ids, roleIds: Ids });

/**
 * Direct roles taken away: one DELETE AccountUserRole per user and role (key account+user+role).
 * A user Roster does not know holds nothing to take: unchanged for them, and the note says so.
 */
export const accountRemoveUserRoles: OpModule<'account.removeUserRoles'> = {
  kind: 'account.removeUserRoles',
  schema: AccountRemoveUserRoles,
  refuse: (s, op) =>
    firstRefusal(
      () => missing('account', [op.accountId], (a) => s.accounts.has(a)),
      () => missing('role', op.roleIds, (r) => s.roles.has(r)),
    ),
  unchanged: (s, op) => everyPair(op.userIds, op.roleIds, (u, r) => !s.aurRoles.has(pair(op.accountId, u), r)),
  perform(draft, op) {
    for (const u of op.userIds) for (const r of op.roleIds) link.unAccountUserRole(draft, op.accountId, u, r);
  },
  touches(_s, op, touch) {
    for (const u of op.userIds) touch(u, op.accountId);
  },
  note: (s, op) => unknownUsersNote(s, op.userIds),
  calls: (op) =>
    cross([op.accountId], uniq(op.userIds), uniq(op.roleIds)).map(([a, u, r]) =>
      linkCall(AUR, [a!, u!, r!], 'remove', { ...op, userIds: [u!], roleIds: [r!] })),
  expectations: (_s, op) => accountExists(op.accountId),
  describe: (op, n) => `Take the direct roles ${list(op.roleIds.map(n.role))} on ${n.account(op.accountId)} from ${list(op.userIds.map(n.user))}.`,
  inverse: (before, op) => ({
    ops: pairsBy(op.userIds, op.roleIds, (u, r) => before.aurRoles.has(pair(op.accountId, u), r))
      .map(([userIds, r]) => ({ op: 'account.addUserRoles', accountId: op.accountId, userIds, roleIds: [r] })),
    notes: [],
  }),
};
