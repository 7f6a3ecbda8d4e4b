import { equalsAll, queryAll } from '../api';
import type { OpCalls } from '../types';

/**
 * role.delete: DELETE Role. R21: the platform refuses while anyone holds the role; that 4xx
 * comes back as a failed op naming the users. A role already gone is `unchanged`.
 */
export const roleDelete: OpCalls<'role.delete'> = {
  kind: 'role.delete',
  calls: (op) => [
    {
      key: `ROLE|${op.roleId}`,
      label: `delete role ${op.roleId}`,
      barrier: true,
      send: (ctx) => ctx.api.delete('Role', op.roleId),
      check: async (ctx) => (await queryAll(ctx.api, 'Role', equalsAll({ id: op.roleId }))).length === 0,
      holds: (w) => !w.has('Role', op.roleId),
      apply: (w) => w.delete('Role', op.roleId),
    },
  ],
  expectations: () => [],
};
