import type { OpModule } from '../op';
import { isKnownUser, link } from '../../access/state';
import { everyPair, firstRefusal, groupRefusal, groupRoleRefusal, missing } from './common';

export const groupAddUserRoles: OpModule<'group.addUserRoles'> = {
  kind: 'group.addUserRoles',
  refuse: (s, op) =>
    firstRefusal(
      () => groupRefusal(s, op.groupId),
      () => missing('user', op.userIds, (u) => isKnownUser(s, u)),
      () => missing('role', op.roleIds, (r) => s.roles.has(r)),
      () => groupRoleRefusal(s, op.groupId, op.roleIds),
    ),
  unchanged: (s, op) => everyPair(op.userIds, op.roleIds, (u, r) => s.userGroupRoles.has(u, op.groupId, r)),
  perform(draft, op) {
    for (const u of op.userIds) for (const r of op.roleIds) link.groupUserRole(draft, op.groupId, u, r);
  },
  touches(s, op, touch) {
    const accounts = s.groupAccounts.get(op.groupId) ?? [];
    for (const u of op.userIds) for (const a of accounts) touch(u, a);
  },
};
