import type { ObjectType, Snapshot } from '../model';
import { callsOf, expectationsOf } from './calls';
import { withFromName } from './calls/groupRename';
import { Working } from './calls/working';
import type { ConflictInfo, Expectation, OutboxOp } from './types';


/** Whether one expectation holds in the working view; theirs is what it shows instead. */
export const checkExpectation = (w: Working, e: Expectation): { ok: boolean; theirs: unknown } => {
  const r = w.get(e.type as ObjectType, e.id);
  if (!r) return { ok: false, theirs: undefined };
  if (e.field === undefined) return { ok: true, theirs: true };
  const v = r[e.field] ?? null;
  if (e.contains !== undefined) return { ok: Array.isArray(v) && v.includes(e.contains), theirs: v };
  return { ok: v === (e.value ?? null), theirs: v };
};

const brokenBy = (w: Working, op: OutboxOp): ConflictInfo[] =>
  op.precondition.expect
    .map((e) => ({ e, r: checkExpectation(w, e) }))
    .filter((x) => !x.r.ok)
    .map((x) => ({ expectation: x.e, theirs: x.r.theirs }));

export interface ReconcileResult {
  /** What the UI shows: confirmed ⊕ pending ops; the confirmed snapshot itself is untouched. */
  view: Snapshot;
  /** Ops whose status changed (newly in conflict), to write back to the outbox. */
  changed: OutboxOp[];
}

/**
 * DESIGN.md "Reconcile": replays the ops not yet confirmed, in queue order, on a new confirmed
 * snapshot. A pending op whose precondition no longer holds — and whose effect does not
 * already hold either — becomes a conflict with both sides; it is left out of the view until
 * the admin resolves it. Applied ops may be passed too (pushed but not yet pulled): replaying
 * them keeps the view from flickering back.
 */
export const reconcile = (confirmed: Snapshot, ops: OutboxOp[], now: number): ReconcileResult => {
  const w = new Working(confirmed);
  const changed: OutboxOp[] = [];
  for (const op of ops) {
    if (op.status === 'conflict' || op.status === 'failed') continue;
    const calls = callsOf(op.args);
    if (op.status === 'pending') {
      const broken = brokenBy(w, op);
      if (broken.length && !calls.every((c) => c.holds(w))) {
        changed.push({ ...op, status: 'conflict', conflict: broken, lastError: describe(broken), updatedAt: now });
        continue;
      }
    }
    for (const c of calls) c.apply(w);
  }
  return { view: w.snapshot(), changed };
};

/** The view alone, for screens that only read. */
export const viewOf = (confirmed: Snapshot, ops: OutboxOp[]): Snapshot => reconcile(confirmed, ops, 0).view;

export const describe = (broken: ConflictInfo[]): string =>
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
export const resolveConflict = (op: OutboxOp, how: Resolution, view: Snapshot, now: number): OutboxOp | null => {
  if (op.status !== 'conflict') throw new Error(`op ${op.id} is ${op.status}, not in conflict`);
  if (how === 'takeTheirs') return null;
  const { conflict: _c, lastError: _l, ...rest } = op;
  if (how === 'drop') return { ...rest, status: 'failed', lastError: 'dropped by the admin after a conflict', updatedAt: now };
  const w = new Working(view);
  // Theirs is the new base: a rename now starts from their name, and says so in the outbox.
  const args = withFromName(op.args, w);
  return { ...rest, args, status: 'pending', precondition: { expect: expectationsOf(args, w) }, updatedAt: now };
};

