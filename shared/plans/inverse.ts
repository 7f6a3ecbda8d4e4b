import { pair } from '../access/layer';
import { forkState, groupResourcesOf, type AccessState } from '../access/state';
import { applyOpToDraft } from './apply';
import type { PlanOp } from './types';

/**
 * Undo (DESIGN.md "Plan files"): the plan that puts back what a plan changed, built from the state
 * *before* it was applied, so it reverses only what the plan really did — an account that was
 * already in the group is not removed by undoing its "add", a role that was already held stays.
 * add ⇄ remove, share ⇄ unshare, grant ⇄ revoke, rename back, the previous Support Access Role or
 * AUS setting; a create is undone by emptying the group (groups cannot be deleted through the
 * API). What cannot be put back (a deleted role, an account removed from a service, roles the
 * platform took away in cascade, R18/R20/R28) is said in `notes`, never silently skipped.
 */
export interface Inverse {
  ops: PlanOp[];
  notes: string[];
}

type Inv = { ops: PlanOp[]; notes: string[] };

/** The inverse of one op, read from `before` (the state the op was applied to). */
export const inverseOp = (before: AccessState, op: PlanOp): Inv => {
  const out: Inv = { ops: [], notes: [] };
  const push = (o: PlanOp | null) => void (o && out.ops.push(o));
  switch (op.op) {
    case 'group.create': {
      // The group is found again by name; what the plan put in it goes with the emptying below.
      out.notes.push(`Group "${op.name}" cannot be deleted through the platform API (R3): undo empties it instead.`);
      break;
    }
    case 'group.rename': {
      const was = before.groups.get(op.groupId)?.name ?? op.fromName;
      if (was && was !== op.name) push({ op: 'group.rename', groupId: op.groupId, name: was, fromName: op.name });
      break;
    }
    case 'group.addAccounts': {
      const added = op.accountIds.filter((a) => !before.groupAccounts.has(op.groupId, a));
      if (added.length) push({ op: 'group.removeAccounts', groupId: op.groupId, accountIds: added });
      break;
    }
    case 'group.removeAccounts': {
      const removed = op.accountIds.filter((a) => before.groupAccounts.has(op.groupId, a));
      if (removed.length) push({ op: 'group.addAccounts', groupId: op.groupId, accountIds: removed });
      if (removed.length && groupResourcesOf(before.groups.get(op.groupId)).some((r) => r.objectType === 'Role')) {
        out.notes.push('Shared roles the platform took from users when their account left the group (R18) are not given back.');
      }
      break;
    }
    case 'group.addUserRoles':
    case 'group.removeUserRoles': {
      const adding = op.op === 'group.addUserRoles';
      // One op per role keeps each inverse exact: only the pairs whose state really changed.
      for (const r of op.roleIds) {
        const changed = op.userIds.filter((u) => before.userGroupRoles.has(u, op.groupId, r) !== adding);
        if (changed.length) push({ op: adding ? 'group.removeUserRoles' : 'group.addUserRoles', groupId: op.groupId, userIds: changed, roleIds: [r] });
      }
      break;
    }
    case 'group.shareResources':
    case 'group.unshareResources': {
      const sharing = op.op === 'group.shareResources';
      const had = new Set(groupResourcesOf(before.groups.get(op.groupId)).map((r) => `${r.objectType}\n${r.resourceId}`));
      const changed = op.resources.filter((r) => had.has(`${r.objectType}\n${r.resourceId}`) !== sharing);
      if (changed.length) push({ op: sharing ? 'group.unshareResources' : 'group.shareResources', groupId: op.groupId, resources: changed });
      if (!sharing && changed.some((r) => r.objectType === 'Role')) out.notes.push('Roles the platform took from users when the role was unshared (R20) are not given back.');
      break;
    }
    case 'account.addUserRoles':
    case 'account.removeUserRoles': {
      const adding = op.op === 'account.addUserRoles';
      for (const r of op.roleIds) {
        const changed = op.userIds.filter((u) => (before.aurRoles.get(pair(op.accountId, u))?.has(r) ?? false) !== adding);
        if (changed.length) push({ op: adding ? 'account.removeUserRoles' : 'account.addUserRoles', accountId: op.accountId, userIds: changed, roleIds: [r] });
      }
      break;
    }
    case 'account.setSupportAccessRole': {
      const was = before.accounts.get(op.accountId)?.supportAccessRoleId ?? null;
      if (was !== op.roleId) push({ op: 'account.setSupportAccessRole', accountId: op.accountId, roleId: was });
      break;
    }
    case 'account.setAdvancedUserSecurity': {
      const was = before.accounts.get(op.accountId)?.advancedUserSecurity ?? false;
      if (was !== op.enabled) push({ op: 'account.setAdvancedUserSecurity', accountId: op.accountId, enabled: was });
      break;
    }
    case 'partner.grant':
    case 'partner.revoke': {
      const granting = op.op === 'partner.grant';
      // Accounts whose changed users are the same go back in one op (a grant to N users on M accounts undoes as one revoke).
      const byUsers = new Map<string, { accountIds: string[]; userIds: string[] }>();
      for (const a of op.accountIds) {
        const changed = op.userIds.filter((u) => (before.partner.get(pair(a, u))?.has(op.serviceId) ?? false) !== granting);
        if (!changed.length) continue;
        const k = changed.join('\n');
        const g = byUsers.get(k) ?? { accountIds: [], userIds: changed };
        g.accountIds.push(a);
        byUsers.set(k, g);
      }
      for (const g of byUsers.values()) push({ op: granting ? 'partner.revoke' : 'partner.grant', serviceId: op.serviceId, accountIds: g.accountIds, userIds: g.userIds });
      break;
    }
    case 'role.delete': {
      const name = before.roles.get(op.roleId)?.name ?? op.roleId;
      if (before.roles.has(op.roleId)) out.notes.push(`Role "${name}" was deleted; the platform API cannot create it again.`);
      break;
    }
    case 'partner.removeAccountFromService': {
      if (before.serviceAccounts.has(op.serviceId, op.accountId)) out.notes.push(`The account cannot be put back in the service through the API; its partner access went with it (R28).`);
      break;
    }
  }
  return out;
};

/**
 * The inverse of a whole plan applied to `before`: each op's inverse, read from the state just
 * before that op, in reverse order (the last change is undone first). A created group is emptied
 * of what the plan put in it: the plan's own later ops on `new:<name>` are inverted like any other.
 */
export const inversePlan = (before: AccessState, ops: readonly PlanOp[]): Inverse => {
  const parts: Inv[] = [];
  const draft = forkState(before);
  for (const op of ops) {
    parts.push(inverseOp(draft, op));
    applyOpToDraft(draft, op);
  }
  return { ops: parts.reverse().flatMap((p) => p.ops), notes: [...new Set(parts.flatMap((p) => p.notes))] };
};
