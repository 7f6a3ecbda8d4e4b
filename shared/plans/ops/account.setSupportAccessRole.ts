import type { OpModule } from '../op';
import { isBuiltIn } from '../../access/state';
import { firstRefusal, missing } from './common';

export const accountSetSupportAccessRole: OpModule<'account.setSupportAccessRole'> = {
  kind: 'account.setSupportAccessRole',
  refuse: (s, op) =>
    firstRefusal(
      () => missing('account', [op.accountId], (a) => s.accounts.has(a)),
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
};
