import { z } from 'zod';
import { Id } from '../../model';
import { groupResourcesOf, link } from '../../access/state';
import type { OpModule } from '../op';
import { resources } from '../describe';
import { groupExists } from '../calls/expect';
import { resourcesCall } from '../calls/resources';
import { firstRefusal, groupRefusal, ResourceRef } from './common';
import { dropUnsharedRoles } from './group.removeAccounts';
import { isOn, touchRoleHolders, withNames } from './group.shareResources';

export const GroupUnshareResources = z.strictObject({ op: z.literal('group.unshareResources'), groupId: Id, resources: z.array(ResourceRef).min(1) });

/** R20: the group's Resources lose the selected resources; an unshared role is taken from those it reached. */
export const groupUnshareResources: OpModule<'group.unshareResources'> = {
  kind: 'group.unshareResources',
  schema: GroupUnshareResources,
  refuse: (s, op) => firstRefusal(() => groupRefusal(s, op.groupId)),
  unchanged: (s, op) => op.resources.every((r) => !isOn(s, op.groupId, r)),
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
  calls: (op) => [resourcesCall(op, 'unshare')],
  expectations: (_s, op) => groupExists(op.groupId),
  annotate: withNames,
  describe: (op, n) => `Stop sharing ${resources(op.resources)} with “${n.group(op.groupId)}”.`,
  inverse(before, op) {
    const removed = op.resources.filter((r) => isOn(before, op.groupId, r));
    return {
      ops: removed.length ? [{ op: 'group.shareResources', groupId: op.groupId, resources: removed }] : [],
      notes: removed.some((r) => r.objectType === 'Role') ? ['Roles the platform took from users when the role was unshared (R20) are not given back.'] : [],
    };
  },
};
