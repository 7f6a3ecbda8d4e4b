import type { AccessState } from '../access/state';
import { buildState, forkState } from '../access/state';
import type { Snapshot } from '../model';
import { holdsIn, replay } from '../plans/apply';
import { annotate, expectationsOf } from '../plans/registry';
import { groupOf } from '../plans/ops/common';
import type { ConflictInfo, Expectation, OutboxOp } from './types';

/** A view given as a snapshot (tests, the CLI) or as its access state (the app, built once). */
export const asState = (v: Snapshot | AccessState): AccessState => ('Account' in v ? buildState(v) : v);

/** The record an expectation is about, in the state. */
const recordOf = (s: AccessState, e: Expectation): Record<string, unknown> | undefined => {
  switch (e.type) {
    case 'AccountGroup': return s.groups.get(e.id) as Record<string, unknown> | undefined;
    case 'Account': return s.accounts.get(e.id) as Record<string, unknown> | undefined;
    case 'Role': return s.roles.get(e.id) as Record<string, unknown> | undefined;
    case 'PartnerService': return s.services.get(e.id) as Record<string, unknown> | undefined;
  }
};

/** Whether one expectation holds in the state; theirs is what it shows instead. */
export const checkExpectation = (s: AccessState, e: Expectation): { ok: boolean; theirs: unknown } => {
  const r = recordOf(s, e);
  if (!r) return { ok: false, theirs: undefined };
  if (e.field === undefined) return { ok: true, theirs: true };
  const v = r[e.field] ?? null;
  if (e.contains !== undefined) return { ok: Array.isArray(v) && v.includes(e.contains), theirs: v };
  return { ok: v === (e.value ?? null), theirs: v };
};

const brokenBy = (s: AccessState, op: OutboxOp): ConflictInfo[] =>
  op.precondition.expect
    .map((e) => ({ e, r: checkExpectation(s, e) }))
    .filter((x) => !x.r.ok)
    .map((x) => ({ expectation: x.e, theirs: x.r.theirs }));

export interface ReconcileResult {
  /** What the UI shows: confirmed ⊕ pending ops, a fork; the confirmed state itself is untouched. */
  view: AccessState;
  /** Ops whose status changed (newly in conflict), to write back to the outbox. */
  changed: OutboxOp[];
}

/**
 * DESIGN.md "Reconcile": replays the ops not yet confirmed, in queue order, through their op
 * modules' `perform` on a new confirmed state. A pending op whose precondition no longer holds —
 * and whose effect does not already hold either — becomes a conflict with both sides; it is left
 * out of the view until the admin resolves it. Applied ops may be passed too (pushed but not yet
 * pulled): replaying them keeps the view from flickering back.
 */
export const reconcile = (confirmed: Snapshot | AccessState, ops: OutboxOp[], now: number): ReconcileResult => {
  const view = forkState(asState(confirmed));
  const changed: OutboxOp[] = [];
  for (const op of ops) {
    if (op.status === 'conflict' || op.status === 'failed') continue;
    if (op.status === 'pending') {
      const broken = brokenBy(view, op);
      if (broken.length && !holdsIn(view, op.args)) {
        changed.push({ ...op, status: 'conflict', conflict: broken, lastError: describeConflict(broken), updatedAt: now });
        continue;
      }
    }
    replay(view, op.args);
  }
  return { view, changed };
};

/** The view alone, for screens that only read. */
export const viewOf = (confirmed: Snapshot | AccessState, ops: OutboxOp[]): AccessState => reconcile(confirmed, ops, 0).view;

export const describeConflict = (broken: ConflictInfo[]): string =>
  broken
    .map(({ expectation: e, theirs, note }) =>
      note !== undefined
        ? note
        : theirs === undefined
          ? `${e.type} ${e.id} no longer exists`
          : e.contains !== undefined
            ? `${e.contains} is no longer in ${e.type} ${e.id}`
            : `${e.type} ${e.id} ${e.field} is now ${JSON.stringify(theirs)} (expected ${JSON.stringify(e.value ?? null)})`,
    )
    .join('; ');

export type Resolution = 'keepMine' | 'takeTheirs' | 'drop';

/**
 * The admin's answer to a conflict. keepMine: re-read the precondition from the current view
 * (theirs becomes the base) and queue the op again — it still conflicts if what it needs is
 * gone. takeTheirs: my op is withdrawn, their value stays (null: remove from the outbox).
 * drop: withdrawn but kept in the history as failed.
 */
export const resolveConflict = (op: OutboxOp, how: Resolution, view: Snapshot | AccessState, now: number): OutboxOp | null => {
  if (op.status !== 'conflict') throw new Error(`op ${op.id} is ${op.status}, not in conflict`);
  if (how === 'takeTheirs') return null;
  const { conflict: _c, lastError: _l, ...rest } = op;
  if (how === 'drop') return { ...rest, status: 'failed', lastError: 'dropped by the admin after a conflict', updatedAt: now };
  const s = asState(view);
  // Theirs is the new base: a rename now starts from their name, and says so in the outbox.
  const args = annotate(s, fresh(s, op.args));
  return { ...rest, args, status: 'pending', precondition: { expect: expectationsOf(s, args) }, updatedAt: now };
};

/** The op without what was read from the view when it was first queued, when the view can say it again. */
const fresh = (s: AccessState, op: OutboxOp['args']): OutboxOp['args'] => {
  if (op.op !== 'group.rename' || !groupOf(s, op.groupId)) return op;
  const { fromName: _f, ...rest } = op;
  return rest;
};
