import type { OpModule } from '../op';
import { missing } from './common';

/** R19: switching AUS changes what may be shared or assigned next; existing access stays. */
export const accountSetAdvancedUserSecurity: OpModule<'account.setAdvancedUserSecurity'> = {
  kind: 'account.setAdvancedUserSecurity',
  refuse: (s, op) => missing('account', [op.accountId], (a) => s.accounts.has(a)),
  unchanged: (s, op) => (s.accounts.get(op.accountId)?.advancedUserSecurity ?? false) === op.enabled,
  perform(draft, op) {
    draft.accounts.set(op.accountId, { ...draft.accounts.get(op.accountId)!, advancedUserSecurity: op.enabled });
  },
  touches() {},
};
