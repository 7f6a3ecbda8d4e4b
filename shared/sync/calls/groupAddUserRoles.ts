import type { OpCalls } from '../types';
import { AGUR, cross, linkCall, uniq } from './links';
import { groupExists } from './expect';

/** group.addUserRoles: one CREATE AccountGroupUserRole per user and role (R7); key group+user+role. */
export const groupAddUserRoles: OpCalls<'group.addUserRoles'> = {
  kind: 'group.addUserRoles',
  calls: (op) => cross([op.groupId], uniq(op.userIds), uniq(op.roleIds)).map((parts) => linkCall(AGUR, parts, 'add')),
  expectations: (op) => groupExists(op.groupId),
};
