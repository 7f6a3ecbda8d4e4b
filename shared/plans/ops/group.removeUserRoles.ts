import { z } from 'zod';
import { Id } from '../../model';
import { link } from '../../access/state';
import type { OpModule } from '../op';
import { list, roles } from '../describe';
import { groupExists } from '../calls/expect';
import { AGUR, cross, linkCall, uniq } from '../calls/links';
import { everyPair, firstRefusal, groupRefusal, Ids, missing, pairsBy, touchGroupUsers, unknownUsersNote } from './common';

export const GroupRemoveUserRoles = z.strictObject({ op: z.literal('group.removeUserRoles'), groupId: Id, userIds: Ids, roleIds: Ids });

/**
 * Users lose roles in a group: one DELETE AccountGroupUserRole per user and role (key
 * group+user+role). A user Roster does not know holds nothing to take: unchanged for them, and the note says so.
 */
export const groupRemoveUserRoles: OpModule<'group.removeUserRoles'> = {
  kind: 'group.removeUserRoles',
  schema: GroupRemoveUserRoles,
  refuse: (s, op) =>
    firstRefusal(
      () => groupRefusal(s, op.groupId),
      () => missing('role', op.roleIds, (r) => s.roles.has(r)),
    ),
  unchanged: (s, op) => everyPair(op.userIds, op.roleIds, (u, r) => !s.userGroupRoles.has(u, op.groupId, r)),
  perform(draft, op) {
    for (const u of op.userIds) for (const r of op.roleIds) link.unGroupUserRole(draft, op.groupId, u, r);
  },
  touches: (s, op, touch) => touchGroupUsers(s, op.groupId, op.userIds, touch),
  note: (s, op) => unknownUsersNote(s, op.userIds),
  calls: (op) =>
    cross([op.groupId], uniq(op.userIds), uniq(op.roleIds)).map(([g, u, r]) =>
      linkCall(AGUR, [g!, u!, r!], 'remove', { ...op, userIds: [u!], roleIds: [r!] })),
  expectations: (_s, op) => groupExists(op.groupId),
  describe: (op, n) => `Take ${roles(op.roleIds, n)} in “${n.group(op.groupId)}” from ${list(op.userIds.map(n.user))}.`,
  // One op per role keeps each inverse exact: only the pairs whose state really changed.
  inverse: (before, op) => ({
    ops: pairsBy(op.userIds, op.roleIds, (u, r) => before.userGroupRoles.has(u, op.groupId, r))
      .map(([userIds, r]) => ({ op: 'group.addUserRoles', groupId: op.groupId, userIds, roleIds: [r] })),
    notes: [],
  }),
};
