import { z } from 'zod';
import { Id, WrittenName } from '../../model';
import { groupNameKey } from '../../access/state';
import { isProvisionalId } from '../ids';
import type { OpModule } from '../op';
import { guard } from '../calls/guard';
import { firstRefusal, groupOf, groupRefusal, nameRefusal } from './common';

// fromName: the group's name when the rename was queued (filled in by `annotate`), so "Rename X
// to Y" keeps saying X after the rename lands or someone renames it again.
export const GroupRename = z.strictObject({ op: z.literal('group.rename'), groupId: Id, name: WrittenName, fromName: z.string().max(255).optional() });

/** R3: All Accounts is never renamed. The call is an UPDATE AccountGroup with the new name. */
export const groupRename: OpModule<'group.rename'> = {
  kind: 'group.rename',
  schema: GroupRename,
  refuse: (s, op) =>
    firstRefusal(
      () => groupRefusal(s, op.groupId),
      () => (s.groups.get(op.groupId)!.defaultGroup ? 'R3: the "All Accounts" group cannot be renamed' : null),
      () => nameRefusal(s, s.groups.get(op.groupId)!.accountId, op.name, op.groupId),
    ),
  unchanged: (s, op) => s.groups.get(op.groupId)?.name === op.name.trim(),
  perform(draft, op) {
    const g = draft.groups.get(op.groupId)!;
    draft.groupNames.delete(groupNameKey(g.accountId, g.name));
    draft.groupNames.set(groupNameKey(g.accountId, op.name), g.id);
    draft.groups.set(g.id, { ...g, name: op.name.trim() });
  },
  touches() {},
  calls: (op) => [{
    key: `GROUPNAME|${op.groupId}`,
    label: `rename group ${op.groupId} to "${op.name}"`,
    ...(isProvisionalId(op.groupId) ? { needs: op.groupId } : {}),
    effect: op,
    async send(ctx, expect) {
      const id = await ctx.resolve.group(op.groupId);
      const current = (await ctx.api.get('AccountGroup', id)) as Record<string, unknown>;
      guard(expect, 'AccountGroup', id, current, (r) => r.name === op.name);
      // The vendor's UPDATE takes the whole object; Resources are left out so they are not rewritten.
      const { Resources: _r, ...rest } = current;
      await ctx.api.update('AccountGroup', id, { ...rest, '@type': 'AccountGroup', id, name: op.name });
    },
    async check(ctx) {
      const id = await ctx.resolve.group(op.groupId);
      return ((await ctx.api.get('AccountGroup', id)) as { name?: string }).name === op.name;
    },
  }],
  expectations: (s, op) =>
    isProvisionalId(op.groupId) ? [] : [{ type: 'AccountGroup', id: op.groupId, field: 'name', value: s.groups.get(op.groupId)?.name }],
  annotate(s, op) {
    const from = groupOf(s, op.groupId)?.name;
    return op.fromName !== undefined || from === undefined ? op : { ...op, fromName: from };
  },
  describe: (op, n) => `Rename “${op.fromName ?? n.group(op.groupId)}” to “${op.name}”.`,
  inverse(before, op) {
    const was = before.groups.get(op.groupId)?.name ?? op.fromName;
    return { ops: was && was !== op.name ? [{ op: 'group.rename', groupId: op.groupId, name: was, fromName: op.name }] : [], notes: [] };
  },
};
