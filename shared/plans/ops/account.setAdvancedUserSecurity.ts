import { z } from 'zod';
import { Id } from '../../model';
import type { OpModule } from '../op';
import { fieldCall } from '../calls/fields';
import { firstRefusal, missing } from './common';
import { AUS_NOT_SETTABLE, isUnknown } from '../../access/supportAccess';

export const AccountSetAdvancedUserSecurity = z.strictObject({ op: z.literal('account.setAdvancedUserSecurity'), accountId: Id, enabled: z.boolean() });

/** R15, R19: switching AUS changes what may be shared or assigned next; existing access stays. UPDATE Account.advancedUserSecurity. */
export const accountSetAdvancedUserSecurity: OpModule<'account.setAdvancedUserSecurity'> = {
  kind: 'account.setAdvancedUserSecurity',
  schema: AccountSetAdvancedUserSecurity,
  refuse: (s, op) =>
    firstRefusal(
      () => missing('account', [op.accountId], (a) => s.accounts.has(a)),
      // The vendor's Account has no such field and no UPDATE: never sent there.
      () => (isUnknown(s.accounts.get(op.accountId), 'advancedUserSecurity') ? AUS_NOT_SETTABLE : null),
    ),
  unchanged: (s, op) => (s.accounts.get(op.accountId)?.advancedUserSecurity ?? false) === op.enabled,
  perform(draft, op) {
    draft.accounts.set(op.accountId, { ...draft.accounts.get(op.accountId)!, advancedUserSecurity: op.enabled });
  },
  touches() {},
  calls: (op) => [fieldCall(op, 'Account', op.accountId, 'advancedUserSecurity', op.enabled, 'accountId')],
  expectations: (s, op) => [
    { type: 'Account', id: op.accountId, field: 'advancedUserSecurity', value: s.accounts.get(op.accountId)?.advancedUserSecurity ?? null },
  ],
  describe: (op, n) => `Turn Advanced User Security ${op.enabled ? 'on' : 'off'} for ${n.account(op.accountId)}.`,
  inverse(before, op) {
    const previous = before.accounts.get(op.accountId)?.advancedUserSecurity ?? false;
    return { ops: previous === op.enabled ? [] : [{ op: 'account.setAdvancedUserSecurity', accountId: op.accountId, enabled: previous }], notes: [] };
  },
};
