import type { PlanOp } from '../../../../shared/plans/types';
import { list } from '../../../../shared/plans/describe';
import { plural } from '../../app/format';

/** Names known to the screen: ids the admin would not recognise are shown by name. */
export interface NameLookup {
  group: (id: string) => string;
  account: (id: string) => string;
  role?: (id: string) => string;
}

/** One plain sentence per op, for the preview dialog and the pending list. */
export const describeOp = (op: PlanOp, names: NameLookup): string => {
  switch (op.op) {
    case 'group.create':
      return `Create the group “${op.name}”.`;
    case 'group.rename':
      return `Rename “${names.group(op.groupId)}” to “${op.name}”.`;
    case 'group.addAccounts':
      return `Add ${plural(op.accountIds.length, 'account')} to “${names.group(op.groupId)}”: ${list(op.accountIds.map(names.account))}.`;
    case 'group.removeAccounts':
      return `Remove ${plural(op.accountIds.length, 'account')} from “${names.group(op.groupId)}”: ${list(op.accountIds.map(names.account))}.`;
    case 'group.addUserRoles':
      return `Give ${list(op.userIds)} the role${op.roleIds.length === 1 ? '' : 's'} ${list(op.roleIds.map((r) => names.role?.(r) ?? r))} in “${names.group(op.groupId)}”.`;
    case 'group.removeUserRoles':
      return `Take the role${op.roleIds.length === 1 ? '' : 's'} ${list(op.roleIds.map((r) => names.role?.(r) ?? r))} in “${names.group(op.groupId)}” from ${list(op.userIds)}.`;
    default:
      return `${op.op} (${JSON.stringify(op).slice(0, 120)})`;
  }
};
