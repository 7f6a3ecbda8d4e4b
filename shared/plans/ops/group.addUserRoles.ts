import { z } from 'zod';
import { Id } from '../../model';
import { hasNeverSignedIn, isKnownUser, link } from '../../access/state';
import type { OpModule } from '../op';
import { displayName, list, notice, roles } from '../describe';
import { groupExists } from '../calls/expect';
import { AGUR, cross, linkCall, uniq } from '../calls/links';
import { everyPair, firstRefusal, groupRefusal, groupRoleRefusal, Ids, missing, pairsBy, touchGroupUsers, unseenUsers } from './common';

export const GroupAddUserRoles = z.strictObject({
  op: z.literal('group.addUserRoles'), groupId: Id, userIds: Ids, roleIds: Ids,
  /** Whether the platform e-mails each user added (its default is yes); absent is no. */
  notifyUser: z.boolean().optional(),
  /** Display names of the users the cache knew had never signed in (filled in by `annotate`), so the platform's refusal names them. */
  userNames: z.record(Id, z.string().max(255)).optional(),
});

/**
 * R7: users get roles in a group, one CREATE AccountGroupUserRole per user and role (key
 * group+user+role). A user Roster has never seen is refused: only users who exist and have signed
 * in can join a group's users on the platform, so an unknown id is a typo.
 */
export const groupAddUserRoles: OpModule<'group.addUserRoles'> = {
  kind: 'group.addUserRoles',
  schema: GroupAddUserRoles,
  refuse: (s, op) =>
    firstRefusal(
      () => groupRefusal(s, op.groupId),
      () => unseenUsers(s, op.userIds, (u) => isKnownUser(s, u)),
      () => missing('role', op.roleIds, (r) => s.roles.has(r)),
      () => groupRoleRefusal(s, op.groupId, op.roleIds),
    ),
  unchanged: (s, op) => everyPair(op.userIds, op.roleIds, (u, r) => s.userGroupRoles.has(u, op.groupId, r)),
  perform(draft, op) {
    for (const u of op.userIds) for (const r of op.roleIds) link.groupUserRole(draft, op.groupId, u, r);
  },
  touches: (s, op, touch) => touchGroupUsers(s, op.groupId, op.userIds, touch),
  calls: (op) =>
    cross([op.groupId], uniq(op.userIds), uniq(op.roleIds)).map(([g, u, r]) =>
      linkCall(AGUR, [g!, u!, r!], 'add', { ...op, userIds: [u!], roleIds: [r!] })),
  expectations: (_s, op) => groupExists(op.groupId),
  annotate(s, op) {
    const userNames: Record<string, string> = {};
    for (const u of uniq(op.userIds)) {
      const name = hasNeverSignedIn(s, u) ? displayName(s, u) : null;
      if (name) userNames[u] = name;
    }
    return op.userNames !== undefined || !Object.keys(userNames).length ? op : { ...op, userNames };
  },
  describe: (op, n) => `Give ${list(op.userIds.map(n.user))} ${roles(op.roleIds, n)} in “${n.group(op.groupId)}”.${notice(op.notifyUser, n)}`,
  // One op per role keeps each inverse exact: only the pairs whose state really changed.
  inverse: (before, op) => ({
    ops: pairsBy(op.userIds, op.roleIds, (u, r) => !before.userGroupRoles.has(u, op.groupId, r))
      .map(([userIds, r]) => ({ op: 'group.removeUserRoles', groupId: op.groupId, userIds, roleIds: [r] })),
    notes: [],
  }),
};
