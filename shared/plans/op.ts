import type { z } from 'zod';
import type { AccessState } from '../access/state';
import type { Call, Expectation } from './call';
import type { Names } from './describe';
import type { PlanOp, PlanOpKind, PlanOpOf } from './types';

/** An undo: the ops that put back what an op or plan changed, and what they cannot put back. */
export interface Inverse {
  ops: PlanOp[];
  notes: string[];
}

/** Reports a (user, account) pair whose access an op may change; what-if re-evaluates only those. */
export type Touch = (userId: string, accountId: string) => void;

/**
 * One op kind, everything about it in one file (./ops/<kind>.ts): its schema, the rules that
 * refuse it, its one effect model on the access state (`perform`, used by what-if, the optimistic
 * view, reconcile and the engine's "already holds" check alike), the API calls that carry it out,
 * the sentence that describes it and the ops that undo it.
 */
export interface OpModule<K extends PlanOpKind> {
  kind: K;
  /** The resolved op's schema (part of PlanOp, ./types). */
  schema: z.ZodType<PlanOpOf<K>>;
  /** The reason the op cannot be applied to `s` (citing the rule), or null. Pure. */
  refuse(s: AccessState, op: PlanOpOf<K>): string | null;
  /** True when the op's effect already holds in `s` (idempotent apply reports "unchanged"). Pure. */
  unchanged(s: AccessState, op: PlanOpOf<K>): boolean;
  /**
   * Applies the op's effect to `draft`, a state obtained from forkState: never the confirmed
   * base. Only call after `refuse` returned null.
   */
  perform(draft: AccessState, op: PlanOpOf<K>): void;
  /** Calls `touch` for every pair whose access `perform` may change, on the state before it. */
  touches(s: AccessState, op: PlanOpOf<K>, touch: Touch): void;
  /**
   * What the admin is told about the op beyond its status, read from the state before it (a
   * removal naming users Roster does not know: nothing removed from them, and why), or null. Pure.
   */
  note?(s: AccessState, op: PlanOpOf<K>): string | null;
  /** The API calls that carry the op out, bulk ops expanded into one call per link. */
  calls(op: PlanOpOf<K>): Call[];
  /** What in `s` (the view the admin saw) the op's intent depends on: its precondition. */
  expectations(s: AccessState, op: PlanOpOf<K>): Expectation[];
  /** The op with what only the view knows when it is queued (a rename's from-name, a resource's name). */
  annotate?(s: AccessState, op: PlanOpOf<K>): PlanOpOf<K>;
  /** One plain sentence, the same on every screen. */
  describe(op: PlanOpOf<K>, names: Names): string;
  /**
   * The ops that undo this one, read from the state before it was applied (DESIGN.md "Plan
   * files"), so only what really changed is put back; what cannot be put back is said in `notes`.
   */
  inverse(before: AccessState, op: PlanOpOf<K>): Inverse;
}
