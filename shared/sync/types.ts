import type { Working } from './calls/working';
import type { PlanOp, PlanOpKind } from '../plans/types';
import type { SyncApi } from './api';
import type { GroupLedger } from './groupLedger';

/** Where an outbox op stands (DESIGN.md "Data flow" 3–5). */
export type OpStatus = 'pending' | 'inflight' | 'applied' | 'unchanged' | 'failed' | 'conflict';
export const FINAL_STATUSES: readonly OpStatus[] = ['applied', 'unchanged', 'failed', 'conflict'];
export const isFinal = (s: OpStatus): boolean => FINAL_STATUSES.includes(s);

/**
 * One field value the admin's intent was based on: when the confirmed snapshot no longer shows
 * it (someone else changed the same thing), the op is a conflict, never a silent overwrite.
 */
export interface Expectation {
  type: 'AccountGroup' | 'Account' | 'Role' | 'PartnerService';
  id: string;
  /** Absent: the record must merely exist. */
  field?: string;
  /** The field equals this value (null: the field is unset). */
  value?: unknown;
  /** The field is a list that contains this item (R28: an account still in the service). */
  contains?: string;
}

export interface Precondition {
  expect: Expectation[];
}

/** What the other side did, shown next to mine when an op is in conflict. */
export interface ConflictInfo {
  expectation: Expectation;
  /** The value on the platform now (undefined: the record is gone). */
  theirs: unknown;
  /** What happened, in words, when the expectation alone does not say it (e.g. a create that may have been renamed). */
  note?: string;
}

/** Thrown by a call that read the record and found someone else changed what the op relied on. */
export class ConflictError extends Error {
  constructor(readonly conflicts: ConflictInfo[]) {
    const what = (c: ConflictInfo) => c.note ?? `${c.expectation.type} ${c.expectation.id}${c.expectation.field ? `.${c.expectation.field}` : ''}`;
    super(`changed by someone else: ${conflicts.map(what).join(', ')}`);
    this.name = 'ConflictError';
  }
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

/** Provisional group ids (`new:<name>`) resolved to real ids. */
export interface Resolver {
  group(id: string): Promise<string>;
  /** Records the real id of a provisional group as soon as it is known (a later rename cannot lose it). */
  learn(provisionalId: string, realId: string): void;
}

export interface CallContext {
  api: SyncApi;
  /** The primary account the platform URL names (groups are created under it). */
  accountId: string;
  resolve: Resolver;
  /** The groups seen before creates were sent (GroupLedger); absent, a create is checked by name alone. */
  groups?: GroupLedger;
}

/**
 * One API call of an op, with everything the engine needs to send it exactly once:
 * its natural key, a check by that key against the platform, and its effect on a snapshot
 * (the same effect the view applies optimistically).
 */
export interface Call {
  /** Natural key, e.g. AGUR|group|user|role. Two calls with the same key never run at once. */
  key: string;
  label: string;
  /** The provisional group this call needs resolved first, if any. */
  needs?: string;
  /** Runs alone: every earlier call finishes first and later ones wait (e.g. a role delete after the removals it relies on). */
  barrier?: boolean;
  /** Sends the call; `expect` is the op's precondition, which calls that read before writing verify. */
  send(ctx: CallContext, expect: Expectation[]): Promise<void>;
  /** Does the effect already hold on the platform? */
  check(ctx: CallContext): Promise<boolean>;
  /** Does the effect already hold in this snapshot? Provisional ids resolve by group name. */
  holds(w: Working): boolean;
  /** The effect on a snapshot (mutates it). */
  apply(w: Working): void;
}

export interface OpCalls<K extends PlanOpKind = PlanOpKind> {
  kind: K;
  calls(op: Extract<PlanOp, { op: K }>): Call[];
  /** Fields of the confirmed snapshot the op's intent depends on. */
  expectations(op: Extract<PlanOp, { op: K }>, w: Working): Expectation[];
}

export interface Progress {
  done: number;
  total: number;
  /** Calls per second over the recent window. */
  rate: number;
  etaMs: number | null;
  paused: boolean;
  pausedReason?: 'auth' | 'user' | 'offline';
}
