import { provisionalGroupId } from '../../plans/types';
import { equalsAll, queryAll } from '../api';
import type { Call, CallContext, OpCalls } from '../types';

/** The real id of the group named `name` under the primary account, if it exists. */
export const findGroupByName = async (ctx: CallContext, name: string): Promise<string | undefined> => {
  const found = await queryAll(ctx.api, 'AccountGroup', equalsAll({ name, accountId: ctx.accountId }));
  const g = found.find((r) => (r as { name?: string; defaultGroup?: boolean }).name === name);
  return (g as { id?: string } | undefined)?.id;
};

/**
 * group.create: CREATE AccountGroup. Its natural key is the group's name within the primary
 * account, so after an unknown outcome the engine looks the name up before creating again
 * (a dropped answer never leaves two groups of the same name).
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
          const created = await ctx.api.create('AccountGroup', {
            '@type': 'AccountGroup', accountId: op.accountId ?? ctx.accountId, name: op.name, defaultGroup: false, autoSubscribeAlertLevel: 'none',
          });
          if (created.id) ctx.resolve.learn(id, created.id);
        },
        async check(ctx) {
          const real = await findGroupByName(ctx, op.name);
          if (real) ctx.resolve.learn(id, real);
          return real !== undefined;
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
