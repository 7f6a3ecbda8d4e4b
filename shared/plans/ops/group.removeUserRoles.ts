import type { OpModule } from '../op';
import { isKnownUser, link } from '../../access/state';
import { everyPair, firstRefusal, groupRefusal, missing } from './common';

export const groupRemoveUserRoles: OpModule<'group.removeUserRoles'> = {
  kind: 'group.removeUserRoles',
  refuse: (s, op) =>
    firstRefusal(
      () => groupRefusal(s, op.groupId),
      () => missing('user', op.userIds, (u) => isKnownUser(s, u)),
      () => missing('role', op.roleIds, (r) => s.roles.has(r)),
    ),
  unchanged: (s, op) => everyPair(op.userIds, op.roleIds, (u, r) => !s.userGroupRoles.has(u, op.groupId, r)),
  perform(draft, op) {
    for (const u of op.userIds) for (const r of op.roleIds) link.unGroupUserRole(draft, op.groupId, u, r);
  },
  touches(s, op, touch) {
    const accounts = s.groupAccounts.get(op.groupId) ?? [];
    for (const u of op.userIds) for (const a of accounts) touch(u, a);
  },
};
