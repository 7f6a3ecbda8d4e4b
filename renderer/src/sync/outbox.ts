import type { Snapshot } from '../../../shared/model';
import { asState, reconcile, resolveConflict, viewOf, type Resolution } from '../../../shared/sync/reconcile';
import { provisionalGroupId, type PlanOpKind } from '../../../shared/plans/types';
import { adoption, rewireGroup } from '../../../shared/sync/adopt';
import { toOutboxOps } from '../../../shared/sync/outbox';
import type { ConflictInfo, OpStatus, OutboxOp, Precondition } from '../../../shared/sync/types';
import type { OutboxEntry, OutboxStatus, RosterDb } from '../cache/db';
import { isUnconfirmed } from '../cache/outbox';
import { loadSnapshot } from '../cache/snapshot';
import { forkState, type AccessState } from '../../../shared/access/state';
import { applyOpToDraft } from '../../../shared/plans/apply';
import { inverseOp, type Inverse } from '../../../shared/plans/inverse';

/**
 * The renderer's side of the outbox (DESIGN.md "Data flow" 3–5) over the Dexie `outbox` table:
 * each entry gets the precondition the admin's view implied when it was queued (and a rename its
 * from-name), is handed to main's push engine as a shared/sync OutboxOp, and takes main's per-op
 * results back. Pulls
 * reconcile pending entries (conflicts) and the view is computed, never written to confirmed.
 */
export type SyncedEntry = OutboxEntry & {
  precondition?: Precondition;
  /** The engine's finer status behind `done`: applied or unchanged. */
  result?: OpStatus;
  conflict?: ConflictInfo[];
  /**
   * Bumped when the admin sends a finished entry again (keep mine, or a failure re-queued on
   * adoption). Main journals results by op id and answers a finished id from its journal rather
   * than sending it twice, so each round goes to main under its own id (`<id>~r<round>`), and a
   * late result of an earlier round is ignored.
   */
  round?: number;
  /** What undoes this op, read from the view it was queued against (DESIGN.md "Plan files"): kept for History. */
  inverse?: Inverse;
};

const ROUND = /^(.*)~r(\d+)$/;

/** The id main knows this round of the entry by. */
export const opIdOf = (e: SyncedEntry): string => (e.round ? `${e.id}~r${e.round}` : e.id);

/** The entry and round an op id from main refers to. */
const entryOf = (opId: string): { id: string; round: number } => {
  const m = ROUND.exec(opId);
  return m ? { id: m[1]!, round: Number(m[2]) } : { id: opId, round: 0 };
};

const STATUS: Record<OpStatus, OutboxStatus> = {
  pending: 'pending', inflight: 'sending', applied: 'done', unchanged: 'done', failed: 'failed', conflict: 'conflict',
};

const opStatusOf = (e: SyncedEntry): OpStatus =>
  e.status === 'sending' ? 'inflight' : e.status === 'done' ? (e.result ?? 'applied') : e.status;

export const toOutboxOp = (e: SyncedEntry): OutboxOp => {
  const op: OutboxOp = {
    id: opIdOf(e), planId: e.planId, seq: e.seq, kind: e.op.op as PlanOpKind, args: e.op,
    precondition: e.precondition ?? { expect: [] }, status: opStatusOf(e), attempts: e.attempts,
    createdAt: Date.parse(e.createdAt) || 0, updatedAt: Date.now(),
  };
  if (e.lastError) op.lastError = e.lastError;
  if (e.conflict) op.conflict = e.conflict;
  return op;
};

const entries = async (db: RosterDb): Promise<SyncedEntry[]> => (await db.outbox.orderBy('seq').toArray()) as SyncedEntry[];

/** Entries not yet confirmed: the overlay of the view. */
const unconfirmed = (all: SyncedEntry[]) => all.filter(isUnconfirmed);

/** The view an entry was queued against: confirmed ⊕ the prepared entries ahead of `seq`. */
const viewBefore = (confirmed: Snapshot | AccessState, all: SyncedEntry[], seq: number): AccessState =>
  viewOf(confirmed, unconfirmed(all).filter((x) => x.seq < seq && x.precondition).map(toOutboxOp));

/**
 * Gives every newly queued entry its precondition, read from the view it was queued against
 * (confirmed ⊕ the entries before it). Returns how many were prepared.
 */
export const preparePending = async (db: RosterDb): Promise<number> => {
  const all = await entries(db);
  const fresh = all.filter((e) => e.status === 'pending' && !e.precondition);
  if (!fresh.length) return 0;
  // Built once: every entry's view forks it.
  const confirmed = asState(await loadSnapshot(db));
  // One rules-engine state per plan, from the view before its first fresh op, carried forward op
  // by op: each op's inverse is read from the state just before it (undo reverses only what it did).
  const drafts = new Map<string, AccessState>();
  let n = 0;
  for (const e of fresh) {
    const before = viewBefore(confirmed, all, e.seq);
    const [op] = toOutboxOps(e.planId, [e.op], before, Date.now(), e.seq);
    e.precondition = op!.precondition;
    // The op as queued plus what only the view knew then (a rename's from-name, for the outbox).
    e.op = op!.args;
    let draft = drafts.get(e.planId);
    if (!draft) drafts.set(e.planId, (draft = forkState(before)));
    e.inverse = inverseOp(draft, e.op);
    applyOpToDraft(draft, e.op);
    await db.outbox.update(e.id, { precondition: e.precondition, op: e.op, inverse: e.inverse } as Partial<OutboxEntry>);
    n++;
  }
  return n;
};

/** What main should push: prepared entries not yet final, in queue order. */
export const pushable = async (db: RosterDb): Promise<OutboxOp[]> =>
  unconfirmed(await entries(db)).filter((e) => e.precondition).map(toOutboxOp);

/** One result from main (a sync.op event) written back to its entry. */
export const recordResult = async (db: RosterDb, op: OutboxOp): Promise<void> => {
  const { id, round } = entryOf(op.id);
  const e = (await db.outbox.get(id)) as SyncedEntry | undefined;
  if (!e || (e.round ?? 0) !== round) return;
  const change: Partial<SyncedEntry> = { status: STATUS[op.status], attempts: op.attempts, lastError: op.lastError ?? null, result: op.status };
  if (op.conflict) change.conflict = op.conflict;
  // Shown as pending until a refresh begun after this moment brings it into the confirmed tables.
  if (change.status === 'done' && e.status !== 'done') change.landedAt = new Date().toISOString();
  await db.outbox.update(id, change as Partial<OutboxEntry>);
};

/** After a pull: pending entries whose precondition no longer holds become conflicts. */
export const reconcileOutbox = async (db: RosterDb): Promise<number> => {
  const all = unconfirmed(await entries(db)).filter((e) => e.precondition);
  const { changed } = reconcile(await loadSnapshot(db), all.map(toOutboxOp), Date.now());
  for (const op of changed) await recordResult(db, op);
  return changed.length;
};

/** The admin's answer to a conflict: keep mine (requeued on the current view), take theirs or drop. */
export const resolveEntry = async (db: RosterDb, id: string, how: Resolution): Promise<void> => {
  const e = (await db.outbox.get(id)) as SyncedEntry | undefined;
  if (!e) throw new Error(`no queued change ${id}`);
  const all = await entries(db);
  const next = resolveConflict(toOutboxOp(e), how, viewBefore(await loadSnapshot(db), all, e.seq), Date.now());
  await followCreate(db, { ...toOutboxOp(e), id: e.id }, how, all);
  if (!next) return void (await db.outbox.delete(id));
  const change: Partial<SyncedEntry> = {
    status: STATUS[next.status], lastError: next.lastError ?? null, precondition: next.precondition, op: next.args, conflict: undefined, result: next.status,
    ...(next.status === 'pending' ? { round: (e.round ?? 0) + 1 } : {}),
  };
  await db.outbox.update(id, change as Partial<OutboxEntry>);
};

/**
 * After a create's conflict ("may have been created and renamed by someone else"), what was
 * queued on its provisional group `new:<name>` follows the admin's answer. Take theirs adopts
 * that group: those changes go to it instead. Keep mine creates the group again: they stay on
 * `new:<name>`. Either way a change that failed for want of the group is queued again (a new
 * round); drop leaves them as they are.
 */
const followCreate = async (db: RosterDb, op: OutboxOp, how: Resolution, all: SyncedEntry[]): Promise<void> => {
  if (op.args.op !== 'group.create' || how === 'drop') return;
  const from = provisionalGroupId(op.args.name);
  const a = how === 'takeTheirs' ? adoption(op) : undefined;
  if (how === 'takeTheirs' && !a) return;
  for (const x of all) {
    if (x.status === 'done' || x.id === op.id || (x.op as { groupId?: string }).groupId !== from) continue;
    const change: Partial<SyncedEntry> = {
      ...(a ? { op: rewireGroup(toOutboxOp(x), a.from, a.to).args } : {}),
      ...(x.status === 'failed' ? { status: 'pending', lastError: null, round: (x.round ?? 0) + 1 } : {}),
    };
    if (Object.keys(change).length) await db.outbox.update(x.id, change as Partial<OutboxEntry>);
  }
};
