import type { PlanOp, PlanOpKind } from '../plans/types';
import type { ConflictInfo, Expectation } from '../plans/call';

export { ConflictError, type Call, type CallContext, type ConflictInfo, type Expectation, type Resolver } from '../plans/call';

/** Where an outbox op stands (DESIGN.md "Data flow" 3–5). */
export type OpStatus = 'pending' | 'inflight' | 'applied' | 'unchanged' | 'failed' | 'conflict';
export const FINAL_STATUSES: readonly OpStatus[] = ['applied', 'unchanged', 'failed', 'conflict'];
export const isFinal = (s: OpStatus): boolean => FINAL_STATUSES.includes(s);

/** What an op's intent was based on, read when it was queued. */
export interface Precondition {
  expect: Expectation[];
}

/** The durable outbox record (lives in Dexie in the app, in memory for `roster apply`). */
export interface OutboxOp {
  id: string;
  planId: string;
  seq: number;
  kind: PlanOpKind;
  args: PlanOp;
  precondition: Precondition;
  status: OpStatus;
  attempts: number;
  lastError?: string;
  conflict?: ConflictInfo[];
  createdAt: number;
  updatedAt: number;
}

export interface Progress {
  done: number;
  total: number;
  /** Calls per second over the recent window. */
  rate: number;
  etaMs: number | null;
  paused: boolean;
  pausedReason?: 'auth' | 'user' | 'offline' | 'journal';
}
