import { z } from 'zod';
import { Id } from '../../model';
import { groupResourcesOf, isBuiltIn } from '../../access/state';
import { pair } from '../../access/layer';
import type { OpModule } from '../op';
import { listNames } from './common';

export const RoleDelete = z.strictObject({ op: z.literal('role.delete'), roleId: Id });

/**
 * R14, R21: built-in roles are fixed; a custom role may go only while nobody holds it. The call is
 * a DELETE Role, sent alone (a barrier) after the removals queued before it; the platform refuses
 * while anyone holds the role, and that comes back as a failed op naming the users.
 */
export const roleDelete: OpModule<'role.delete'> = {
  kind: 'role.delete',
  schema: RoleDelete,
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
  calls: (op) => [{
    key: `ROLE|${op.roleId}`,
    label: `delete role ${op.roleId}`,
    barrier: true,
    effect: op,
    send: (ctx) => ctx.api.delete('Role', op.roleId),
    // The vendor's Role filter lists only name and parentId: a GET by id tells whether it is gone.
    check: async (ctx) => {
      try {
        await ctx.api.get('Role', op.roleId);
        return false;
      } catch (e) {
        if ((e as { status?: unknown }).status === 404) return true;
        throw e;
      }
    },
  }],
  expectations: () => [],
  describe: (op, n) => `Delete the custom role “${n.role(op.roleId)}”.`,
  // A role cannot be created again with the same id through the API, so a delete stays done.
  inverse: (before, op) => ({
    ops: [],
    notes: before.roles.has(op.roleId) ? [`Role "${before.roles.get(op.roleId)!.name}" was deleted; the platform API cannot create it again.`] : [],
  }),
};
