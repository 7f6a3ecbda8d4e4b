import type { OpCalls } from '../types';
import { fieldCall } from './fields';

/** account.setAdvancedUserSecurity: UPDATE Account.advancedUserSecurity (R15, R19). */
export const accountSetAdvancedUserSecurity: OpCalls<'account.setAdvancedUserSecurity'> = {
  kind: 'account.setAdvancedUserSecurity',
  calls: (op) => [fieldCall('Account', op.accountId, 'advancedUserSecurity', op.enabled, 'accountId')],
  expectations: (op, w) => [
    { type: 'Account', id: op.accountId, field: 'advancedUserSecurity', value: w.get('Account', op.accountId)?.advancedUserSecurity ?? null },
  ],
};
