import { z } from 'zod';
import { Id } from '../../model';
import { isBuiltIn } from '../../access/state';
import { isUnknown, SUPPORT_ACCESS_NOT_SETTABLE } from '../../access/supportAccess';
import type { OpModule } from '../op';
import { fieldCall } from '../calls/fields';
import { firstRefusal, missing } from './common';

export const AccountSetSupportAccessRole = z.strictObject({ op: z.literal('account.setSupportAccessRole'), accountId: Id, roleId: Id.nullable() });

/** R10: the Support Access Role caps what group users get on the account (null: no cap). UPDATE Account.supportAccessRoleId. */
export const accountSetSupportAccessRole: OpModule<'account.setSupportAccessRole'> = {
  kind: 'account.setSupportAccessRole',
  schema: AccountSetSupportAccessRole,
  refuse: (s, op) =>
    firstRefusal(
      () => missing('account', [op.accountId], (a) => s.accounts.has(a)),
      // The vendor's Account has no such field and no UPDATE: never sent there (a 405 at best).
      () => (isUnknown(s.accounts.get(op.accountId), 'supportAccessRoleId') ? SUPPORT_ACCESS_NOT_SETTABLE : null),
      () => (op.roleId === null ? null : missing('role', [op.roleId], (r) => s.roles.has(r))),
      () => {
        if (op.roleId === null) return null;
        const role = s.roles.get(op.roleId)!;
        // R16: shared roles never appear in the Support Access Role list.
        return isBuiltIn(role) || role.accountId === op.accountId
          ? null
          : `R16: "${role.name}" is not a role of this account (shared roles cannot be a Support Access Role)`;
      },
    ),
  unchanged: (s, op) => (s.accounts.get(op.accountId)?.supportAccessRoleId ?? null) === op.roleId,
  perform(draft, op) {
    const { supportAccessRoleId: _old, ...rest } = draft.accounts.get(op.accountId)!;
    draft.accounts.set(op.accountId, op.roleId === null ? rest : { ...rest, supportAccessRoleId: op.roleId });
  },
  touches(s, op, touch) {
    // R10: the cap only bites users who come in through groups.
    for (const g of s.accountGroups.get(op.accountId) ?? []) for (const u of s.groupUsers.get(g) ?? []) touch(u, op.accountId);
  },
  calls: (op) => [fieldCall(op, 'Account', op.accountId, 'supportAccessRoleId', op.roleId, 'accountId')],
  expectations: (s, op) => [
    { type: 'Account', id: op.accountId, field: 'supportAccessRoleId', value: s.accounts.get(op.accountId)?.supportAccessRoleId ?? null },
  ],
  describe: (op, n) =>
    op.roleId === null
      ? `Clear the Support Access Role of ${n.account(op.accountId)}.`
      : `Set the Support Access Role of ${n.account(op.accountId)} to “${n.role(op.roleId)}”.`,
  inverse(before, op) {
    const previous = before.accounts.get(op.accountId)?.supportAccessRoleId ?? null;
    return { ops: previous === op.roleId ? [] : [{ op: 'account.setSupportAccessRole', accountId: op.accountId, roleId: previous }], notes: [] };
  },
};
