import { forkState, type AccessState } from '../access/state';
import { applyOpToDraft } from './apply';
import type { Inverse } from './op';
import { opModule } from './registry';
import type { PlanOp } from './types';

/**
 * Undo (DESIGN.md "Plan files"): the plan that puts back what a plan changed, built from the state
 * *before* it was applied, so it reverses only what the plan really did — an account that was
 * already in the group is not removed by undoing its "add", a role that was already held stays.
 * Each op's inverse is its module's (./ops/<kind>.ts); what cannot be put back (a deleted role, an
 * account removed from a service, roles the platform took away in cascade, R18/R20/R28) is said in
 * `notes`, never silently skipped.
 */
export type { Inverse };

/** The inverse of one op, read from `before` (the state the op was applied to). */
export const inverseOp = (before: AccessState, op: PlanOp): Inverse => opModule(op).inverse(before, op);

/**
 * The inverse of a whole plan applied to `before`: each op's inverse, read from the state just
 * before that op, in reverse order (the last change is undone first). A created group is emptied
 * of what the plan put in it: the plan's own later ops on `new:<name>` are inverted like any other.
 */
export const inversePlan = (before: AccessState, ops: readonly PlanOp[]): Inverse => {
  const parts: Inverse[] = [];
  const draft = forkState(before);
  for (const op of ops) {
    parts.push(inverseOp(draft, op));
    applyOpToDraft(draft, op);
  }
  return { ops: parts.reverse().flatMap((p) => p.ops), notes: [...new Set(parts.flatMap((p) => p.notes))] };
};
