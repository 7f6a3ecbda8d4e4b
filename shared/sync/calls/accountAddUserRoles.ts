import type { OpCalls } from '../types';
import { AUR, cross, linkCall, uniq } from './links';
import { accountExists } from './expect';

/** account.addUserRoles: one CREATE AccountUserRole per user and role (R6 direct access); key account+user+role. */
export const accountAddUserRoles: OpCalls<'account.addUserRoles'> = {
  kind: 'account.addUserRoles',
  calls: (op) => cross([op.accountId], uniq(op.userIds), uniq(op.roleIds)).map((parts) => linkCall(AUR, parts, 'add')),
  expectations: (op) => accountExists(op.accountId),
};
