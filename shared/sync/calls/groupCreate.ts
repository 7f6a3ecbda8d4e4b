import { provisionalGroupId } from '../../plans/types';
import { classifyFailure, equalsAll, queryAll } from '../api';
import type { GroupSeen } from '../groupLedger';
import { ConflictError, type Call, type CallContext, type ConflictInfo, type OpCalls } from '../types';

/** The real id of the group named `name` under the primary account, if it exists. */
export const findGroupByName = async (ctx: CallContext, name: string): Promise<string | undefined> => {
  const found = await queryAll(ctx.api, 'AccountGroup', equalsAll({ name, accountId: ctx.accountId }));
  const g = found.find((r) => (r as { name?: string; defaultGroup?: boolean }).name === name);
  return (g as { id?: string } | undefined)?.id;
};

/** Why a create is in conflict: a group that may be ours, renamed (the conflict's `theirs` is its name). */
const renamedCreate = (name: string, seen: GroupSeen[]): ConflictInfo[] =>
  seen.map((g) => ({
    expectation: { type: 'AccountGroup', id: g.id, field: 'name', value: name },
    theirs: g.name,
    note: `the group "${name}" may have been created and then renamed to "${g.name}" by someone else before it could be checked`,
  }));

/**
 * group.create: CREATE AccountGroup. Its natural key is the group's name within the primary
 * account, so after an unknown outcome the engine looks the name up before creating again (a
 * dropped answer never leaves two groups of the same name). When the name is not found but a
 * group appeared since the create was sent, someone may have renamed ours in between: that is a
 * conflict for the admin (keep mine: create again; take theirs: adopt that group; drop), never a
 * second create.
 */
export const groupCreate: OpCalls<'group.create'> = {
  kind: 'group.create',
  calls(op): Call[] {
    const id = provisionalGroupId(op.name);
    return [
      {
        key: `GROUP|${op.name}`,
        label: `create group "${op.name}"`,
        async send(ctx) {
          await ctx.groups?.before(ctx, op.name);
          try {
            const created = await ctx.api.create('AccountGroup', {
              '@type': 'AccountGroup', accountId: op.accountId ?? ctx.accountId, name: op.name, defaultGroup: false, autoSubscribeAlertLevel: 'none',
            });
            if (created.id) ctx.resolve.learn(id, created.id);
            ctx.groups?.settled(op.name, created.id);
          } catch (e) {
            if (classifyFailure(e).kind === 'unknown') ctx.groups?.doubt(op.name);
            throw e;
          }
        },
        async check(ctx) {
          const real = await findGroupByName(ctx, op.name);
          if (real) ctx.resolve.learn(id, real);
          const sent = ctx.groups?.doubtful(op.name);
          if (real || !sent) {
            if (real) ctx.groups?.settled(op.name, real);
            return real !== undefined;
          }
          const appeared = await ctx.groups!.appeared(ctx, sent.base);
          if (!appeared.length) return false;
          ctx.groups!.settled(op.name);
          throw new ConflictError(renamedCreate(op.name, appeared));
        },
        holds: (w) => w.group(id) !== undefined,
        apply(w) {
          if (w.group(id)) return;
          w.put('AccountGroup', {
            '@type': 'AccountGroup', id, accountId: op.accountId ?? w.primaryAccountId(), name: op.name, defaultGroup: false,
            autoSubscribeAlertLevel: 'none', Resources: { '@type': 'Resources', Resource: [] },
          });
        },
      },
    ];
  },
  expectations: () => [],
};
