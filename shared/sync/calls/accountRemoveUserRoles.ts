import type { OpCalls } from '../types';
import { AUR, cross, linkCall, uniq } from './links';
import { accountExists } from './expect';

/** account.removeUserRoles: one DELETE AccountUserRole per user and role; key account+user+role. */
export const accountRemoveUserRoles: OpCalls<'account.removeUserRoles'> = {
  kind: 'account.removeUserRoles',
  calls: (op) => cross([op.accountId], uniq(op.userIds), uniq(op.roleIds)).map((parts) => linkCall(AUR, parts, 'remove')),
  expectations: (op) => accountExists(op.accountId),
};
