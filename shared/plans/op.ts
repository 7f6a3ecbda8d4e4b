import type { AccessState } from '../access/state';
import type { PlanOpKind, PlanOpOf } from './types';

/** Reports a (user, account) pair whose access an op may change; what-if re-evaluates only those. */
export type Touch = (userId: string, accountId: string) => void;

/**
 * One op kind. All functions are free of API/HTTP concerns and share one state representation
 * (shared/access/state), so the same module serves what-if, the optimistic view
 * (confirmed ⊕ pending) and the sync engine's conflict checks.
 */
export interface OpModule<K extends PlanOpKind> {
  kind: K;
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
}
