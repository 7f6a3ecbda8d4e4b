import type { ObjectType } from '../../model';
import { classifyFailure } from '../../api/sync';
import { ConflictError, type CallContext, type Expectation } from '../call';
import { guard } from './guard';

const LABEL: Partial<Record<ObjectType, string>> = { AccountGroup: 'group', PartnerService: 'service', Account: 'account' };

/**
 * GET for a read-modify-write: a record someone else deleted (404) is a conflict for the admin
 * ("theirs: gone"), not a failure to retry nor something to write back into existence.
 */
export const readOrGone = async (ctx: CallContext, type: ObjectType, id: string): Promise<Record<string, unknown>> => {
  try {
    return (await ctx.api.get(type, id)) as Record<string, unknown>;
  } catch (e) {
    const f = classifyFailure(e);
    if (f.kind === 'reject' && f.status === 404) {
      throw new ConflictError([{ expectation: { type: type as 'AccountGroup', id }, theirs: undefined, note: `the ${LABEL[type] ?? type} ${id} was deleted by someone else` }]);
    }
    throw e;
  }
};

/**
 * A read-modify-write of a record whose UPDATE replaces a whole list (no ETag on the vendor API):
 * GET right before (gone is a conflict), the op's expectations checked against it, nothing written
 * when `holds` already; else UPDATE with `body`, then GET again: if `holds` is false there, someone
 * else's write landed after ours, and `undone` reports it as a conflict rather than a silent loss.
 */
export const readModifyWrite = async <R extends Record<string, unknown>>(
  ctx: CallContext,
  expect: Expectation[],
  type: ObjectType,
  id: string,
  step: { holds(r: R): boolean; body(r: R): Record<string, unknown>; undone(after: R): ConflictError },
): Promise<void> => {
  const current = (await readOrGone(ctx, type, id)) as R;
  guard(expect, type, id, current, (r) => step.holds(r as R));
  if (step.holds(current)) return;
  await ctx.api.update(type, id, step.body(current));
  const after = (await readOrGone(ctx, type, id)) as R;
  if (!step.holds(after)) throw step.undone(after);
};
