import type { OpCalls } from '../types';
import { fieldCall } from './fields';

/** account.setSupportAccessRole: UPDATE Account.supportAccessRoleId (R10: caps group access; null = no cap). */
export const accountSetSupportAccessRole: OpCalls<'account.setSupportAccessRole'> = {
  kind: 'account.setSupportAccessRole',
  calls: (op) => [fieldCall('Account', op.accountId, 'supportAccessRoleId', op.roleId, 'accountId')],
  expectations: (op, w) => [
    { type: 'Account', id: op.accountId, field: 'supportAccessRoleId', value: w.get('Account', op.accountId)?.supportAccessRoleId ?? null },
  ],
};
