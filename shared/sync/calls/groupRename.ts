import { isProvisionalId } from '../../plans/types';
import type { PlanOp } from '../../plans/types';
import type { Call, OpCalls } from '../types';
import type { Working } from './working';
import { guard } from './guard';

/** group.rename: UPDATE AccountGroup with the new name (R3: All Accounts is never renamed; the rules refuse it before queueing). */
export const groupRename: OpCalls<'group.rename'> = {
  kind: 'group.rename',
  calls(op): Call[] {
    return [
      {
        key: `GROUPNAME|${op.groupId}`,
        label: `rename group ${op.groupId} to "${op.name}"`,
        ...(isProvisionalId(op.groupId) ? { needs: op.groupId } : {}),
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
        holds: (w) => w.group(op.groupId)?.name === op.name,
        apply(w) {
          const g = w.group(op.groupId);
          if (g) w.update('AccountGroup', g.id, (r) => ({ ...r, name: op.name }));
        },
      },
    ];
  },
  expectations(op, w) {
    if (isProvisionalId(op.groupId)) return [];
    return [{ type: 'AccountGroup', id: op.groupId, field: 'name', value: w.group(op.groupId)?.name }];
  },
};

/**
 * A rename with the group's name as the admin saw it when queueing (`fromName`), so the outbox
 * describes it as "Rename <from> to <to>" even after it lands or someone renames the group again.
 * Other ops, and renames whose group the view does not know, are returned unchanged.
 */
export const withFromName = (args: PlanOp, w: Working): PlanOp => {
  if (args.op !== 'group.rename') return args;
  const from = w.group(args.groupId)?.name;
  return from === undefined ? args : { ...args, fromName: from };
};
