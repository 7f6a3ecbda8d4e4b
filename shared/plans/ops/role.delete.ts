import type { OpModule } from '../op';
import { groupResourcesOf, isBuiltIn } from '../../access/state';
import { listNames } from './common';
import { pair } from '../../access/layer';

/** R14, R21: built-in roles are fixed; a custom role may go only while nobody holds it. */
export const roleDelete: OpModule<'role.delete'> = {
  kind: 'role.delete',
  refuse(s, op) {
    const role = s.roles.get(op.roleId);
    // Already gone: idempotent, reported as unchanged.
    if (!role) return null;
    if (isBuiltIn(role)) return `R14: "${role.name}" is a built-in role and cannot be deleted`;
    const holders = [...new Set([...(s.roleHolders.get(op.roleId) ?? [])].map((h) => h.split('\n')[2]!))].sort();
    return holders.length
      ? `R21: "${role.name}" is still held by ${holders.length} user${holders.length > 1 ? 's' : ''} (${listNames(holders)}); take it from them first`
      : null;
  },
  unchanged: (s, op) => !s.roles.has(op.roleId),
  perform(draft, op) {
    draft.roles.delete(op.roleId);
    draft.catalogue.delete(pair('Role', op.roleId));
    // A deleted role is no longer shared with any group.
    for (const id of draft.groups.keys()) {
      const g = draft.groups.get(id)!;
      const res = groupResourcesOf(g);
      if (res.some((r) => r.objectType === 'Role' && r.resourceId === op.roleId)) {
        draft.groups.set(id, { ...g, Resources: { '@type': 'Resources', Resource: res.filter((r) => r.resourceId !== op.roleId) } });
      }
    }
  },
  touches() {},
};
