import type { OpCalls } from '../types';
import { AGUR, cross, linkCall, uniq } from './links';
import { groupExists } from './expect';

/** group.removeUserRoles: one DELETE AccountGroupUserRole per user and role; key group+user+role. */
export const groupRemoveUserRoles: OpCalls<'group.removeUserRoles'> = {
  kind: 'group.removeUserRoles',
  calls: (op) => cross([op.groupId], uniq(op.userIds), uniq(op.roleIds)).map((parts) => linkCall(AGUR, parts, 'remove')),
  expectations: (op) => groupExists(op.groupId),
};
