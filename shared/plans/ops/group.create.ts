import { z } from 'zod';
import { Id, WrittenName } from '../../model';
import type { AccessState } from '../../access/state';
import { groupNameKey, primaryAccountId } from '../../access/state';
import { classifyFailure, equalsAll, queryAll } from '../../api/sync';
import { ConflictError, type CallContext, type ConflictInfo, type GroupSeen } from '../call';
import { provisionalGroupId } from '../ids';
import type { OpModule } from '../op';
import { firstRefusal, nameRefusal, ownerRefusal } from './common';

// accountId: the owning primary account; the plan-file resolver fills it in (additive, optional).
export const GroupCreate = z.strictObject({ op: z.literal('group.create'), name: WrittenName, accountId: Id.optional() });

const ownerOf = (s: AccessState, accountId?: string) => accountId ?? primaryAccountId(s);

// Idempotent: a group of exactly that name already in the primary means the create has happened.
// One whose name differs only in case is another group: the create is refused (names are unique
// without regard to case), never taken as done nor sent (the platform would answer 409).
const unchanged: OpModule<'group.create'>['unchanged'] = (s, op) => {
  const owner = ownerOf(s, op.accountId);
  if (owner === undefined) return false;
  const id = s.groupNames.get(groupNameKey(owner, op.name));
  return id !== undefined && s.groups.get(id)?.name.trim() === op.name.trim();
};

/** The real id of the group named `name` under the primary account, if it exists. */
export const findGroupByName = async (ctx: CallContext, name: string): Promise<string | undefined> => {
  const found = await queryAll(ctx.api, 'AccountGroup', equalsAll({ name, accountId: ctx.accountId }));
  const g = found.find((r) => (r as { name?: string }).name === name);
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
 * Creates a group in the primary account (R1, R2); its id stays provisional (`new:<name>`) until
 * the platform assigns one. The call is a CREATE AccountGroup whose only natural key is the name
 * within the primary account, so after an unknown outcome the engine looks the name up before
 * creating again (a dropped answer never leaves two groups of one name). When the name is not
 * found but a group appeared since the create was sent, someone may have renamed ours in between:
 * a conflict for the admin (keep mine: create again; take theirs: adopt that group; drop), never a
 * second create.
 */
export const groupCreate: OpModule<'group.create'> = {
  kind: 'group.create',
  schema: GroupCreate,
  refuse(s, op) {
    const owner = ownerOf(s, op.accountId);
    if (unchanged(s, op)) return null;
    return firstRefusal(() => ownerRefusal(s, owner), () => nameRefusal(s, owner!, op.name));
  },
  unchanged,
  perform(draft, op) {
    const owner = ownerOf(draft, op.accountId)!;
    const id = provisionalGroupId(op.name.trim());
    draft.groups.set(id, {
      '@type': 'AccountGroup', id, accountId: owner, name: op.name.trim(), defaultGroup: false,
      autoSubscribeAlertLevel: 'none', Resources: { '@type': 'Resources', Resource: [] },
    });
    draft.groupNames.set(groupNameKey(owner, op.name), id);
  },
  touches() {},
  calls(op) {
    const id = provisionalGroupId(op.name);
    return [{
      key: `GROUP|${op.name}`,
      label: `create group "${op.name}"`,
      effect: op,
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
    }];
  },
  expectations: () => [],
  describe: (op) => `Create the group “${op.name}”.`,
  // Groups cannot be deleted through the API: a create is undone by emptying the group, which the
  // inverses of the plan's later ops on it do.
  inverse: (_before, op) => ({ ops: [], notes: [`Group "${op.name}" cannot be deleted through the platform API (R3): undo empties it instead.`] }),
};
