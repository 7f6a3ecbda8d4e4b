import type { OpModule } from '../op';
import { groupResourcesOf, link } from '../../access/state';
import { firstRefusal, groupRefusal } from './common';
import { dropUnsharedRoles } from './group.removeAccounts';
import { touchRoleHolders } from './group.shareResources';

export const groupUnshareResources: OpModule<'group.unshareResources'> = {
  kind: 'group.unshareResources',
  refuse: (s, op) => firstRefusal(() => groupRefusal(s, op.groupId)),
  unchanged: (s, op) =>
    op.resources.every((r) => !groupResourcesOf(s.groups.get(op.groupId)).some((x) => x.objectType === r.objectType && x.resourceId === r.resourceId)),
  perform(draft, op) {
    const g = draft.groups.get(op.groupId)!;
    const gone = (x: { objectType?: string; resourceId: string }) =>
      op.resources.some((r) => r.objectType === x.objectType && r.resourceId === x.resourceId);
    draft.groups.set(g.id, { ...g, Resources: { '@type': 'Resources', Resource: groupResourcesOf(g).filter((x) => !gone(x)) } });
    const roles = op.resources.filter((r) => r.objectType === 'Role').map((r) => r.resourceId);
    if (!roles.length) return;
    // R20: the role is taken from every user of the group's accounts (unless another group
    // still shares it there, R18) and from the group's own users.
    // Walk the role's holders, not the group's accounts: All Accounts may hold 100,000 accounts.
    for (const r of roles) {
      const accounts = new Set<string>();
      for (const h of draft.roleHolders.get(r) ?? []) {
        const [kind, where] = h.split('\n') as [string, string];
        if (kind === 'a' && draft.groupAccounts.has(g.id, where)) accounts.add(where);
      }
      for (const a of accounts) dropUnsharedRoles(draft, a, [r]);
    }
    for (const u of [...(draft.groupUsers.get(g.id) ?? [])]) for (const r of roles) link.unGroupUserRole(draft, g.id, u, r);
  },
  touches(s, op, touch) {
    for (const r of op.resources) if (r.objectType === 'Role') touchRoleHolders(s, op.groupId, r.resourceId, touch);
  },
};
