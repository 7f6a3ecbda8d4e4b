import type { AccessState } from '../access/state';
import { forkState } from '../access/state';
import type { Touch } from './op';
import { opModule } from './registry';
import { onRealGroup } from './ops/common';
import type { PlanOp } from './types';

export type OpStatus = 'applied' | 'unchanged' | 'refused';

export interface OpResult {
  index: number;
  op: PlanOp;
  status: OpStatus;
  /** Why the op was refused (cites the rule). */
  reason?: string;
  /** What the admin should know about an op applied or unchanged (its module's `note`). */
  note?: string;
}

/**
 * Applies one op to a draft in place: refused ops change nothing, ops whose effect already
 * holds are `unchanged` (idempotent apply, DESIGN.md "Plan files").
 */
export const applyOpToDraft = (draft: AccessState, op: PlanOp, index = 0, touch?: Touch): OpResult => {
  const mod = opModule(op);
  const reason = mod.refuse(draft, op);
  if (reason) return { index, op, status: 'refused', reason };
  const note = mod.note?.(draft, op);
  const noted = note ? { note } : {};
  if (mod.unchanged(draft, op)) return { index, op, status: 'unchanged', ...noted };
  if (touch) mod.touches(draft, op, touch);
  mod.perform(draft, op);
  return { index, op, status: 'applied', ...noted };
};

/**
 * Pure: the state after `ops` (in order) and each op's result; `base` is untouched. Used for
 * what-if and for the optimistic view (confirmed ⊕ pending).
 */
export const applyOps = (base: AccessState, ops: readonly PlanOp[], touch?: Touch): { state: AccessState; results: OpResult[] } => {
  const draft = forkState(base);
  const results = ops.map((op, i) => applyOpToDraft(draft, op, i, touch));
  return { state: draft, results };
};

/**
 * Whether `op`'s effect already holds in `s`. A provisional group (`new:<name>`) is found by its
 * name once its create has landed, so ops queued behind a create still match after a pull.
 */
export const holdsIn = (s: AccessState, op: PlanOp): boolean => {
  const real = onRealGroup(s, op);
  return opModule(real).unchanged(s, real);
};

/** Replays `op` on `draft` (reconcile, the engine's known state): as applyOpToDraft, provisional groups found by name. */
export const replay = (draft: AccessState, op: PlanOp): OpResult => applyOpToDraft(draft, onRealGroup(draft, op));
