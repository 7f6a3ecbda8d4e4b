import { count, list, resources, type Names } from '../../../shared/plans/describe';
import type { PlanOp } from '../../../shared/plans/types';

/**
 * One plain sentence per plan op, for the preview dialogs and the Sync screen's outbox table,
 * built from shared/plans/describe's pieces (names from the state, ids as the fallback).
 */
export { namesFrom, type Names } from '../../../shared/plans/describe';

const groupOps = (op: PlanOp, n: Names): string | null => {
  switch (op.op) {
    case 'group.create':
      return `Create the group “${op.name}”.`;
    case 'group.rename':
      return `Rename “${n.group(op.groupId)}” to “${op.name}”.`;
    case 'group.addAccounts':
      return `Add ${count(op.accountIds.length, 'account')} to “${n.group(op.groupId)}”: ${list(op.accountIds.map(n.account))}.`;
    case 'group.removeAccounts':
      return `Remove ${count(op.accountIds.length, 'account')} from “${n.group(op.groupId)}”: ${list(op.accountIds.map(n.account))}.`;
    case 'group.addUserRoles':
      return `Give ${list(op.roleIds.map(n.role))} in “${n.group(op.groupId)}” to ${list(op.userIds.map(n.user))}.`;
    case 'group.removeUserRoles':
      return `Take ${list(op.roleIds.map(n.role))} in “${n.group(op.groupId)}” from ${list(op.userIds.map(n.user))}.`;
    case 'group.shareResources':
      return `Share ${resources(op.resources)} with “${n.group(op.groupId)}”.`;
    case 'group.unshareResources':
      return `Stop sharing ${resources(op.resources)} with “${n.group(op.groupId)}”.`;
    default:
      return null;
  }
};

export const describePlanOp = (op: PlanOp, n: Names): string => {
  const g = groupOps(op, n);
  if (g) return g;
  switch (op.op) {
    case 'account.addUserRoles':
      return `Give ${list(op.roleIds.map(n.role))} directly on ${n.account(op.accountId)} to ${list(op.userIds.map(n.user))}.`;
    case 'account.removeUserRoles':
      return `Take the direct roles ${list(op.roleIds.map(n.role))} on ${n.account(op.accountId)} from ${list(op.userIds.map(n.user))}.`;
    case 'account.setSupportAccessRole':
      return op.roleId === null
        ? `Clear the Support Access Role of ${n.account(op.accountId)}.`
        : `Set the Support Access Role of ${n.account(op.accountId)} to “${n.role(op.roleId)}”.`;
    case 'account.setAdvancedUserSecurity':
      return `Turn Advanced User Security ${op.enabled ? 'on' : 'off'} for ${n.account(op.accountId)}.`;
    case 'role.delete':
      return `Delete the custom role “${n.role(op.roleId)}”.`;
    case 'partner.grant':
      return `Grant ${list(op.userIds.map(n.user))} access to ${count(op.accountIds.length, 'account')} of service “${n.service(op.serviceId)}”: ${list(op.accountIds.map(n.account))}.`;
    case 'partner.revoke':
      return `Revoke the access of ${list(op.userIds.map(n.user))} to ${count(op.accountIds.length, 'account')} of service “${n.service(op.serviceId)}”: ${list(op.accountIds.map(n.account))}.`;
    case 'partner.removeAccountFromService':
      return `Remove ${n.account(op.accountId)} from service “${n.service(op.serviceId)}”.`;
    default:
      return JSON.stringify(op).slice(0, 160);
  }
};
