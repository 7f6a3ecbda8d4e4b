import { adoption, rewireGroup } from '../../../shared/sync/adopt';
import { toOutboxOps } from '../../../shared/sync/outbox';
import { reconcile, resolveConflict, viewOf, type Resolution } from '../../../shared/sync/reconcile';
import { isLanded, type OutboxOp } from '../../../shared/sync/types';
import { PlanOp, provisionalGroupId } from '../../../shared/plans/types';
import type { AccessState } from '../../../shared/access/state';
import type { RosterDb } from '../cache/db';
import { confirmedState } from '../domain/optimisticView';
import { unconfirmedOps } from '../cache/outbox';

/**
 * The renderer's side of the outbox (DESIGN.md "Data flow" 3–5) over the Dexie `outbox` table,
 * whose rows are shared/sync's OutboxOp: queued with the precondition the admin's view implied,
 * handed to main's push engine as they are, and given main's per-op results back. Pulls
 * reconcile pending ops (conflicts); the view is computed, never written to confirmed.
 */

export interface QueuedPlan {
  planId: string;
  entries: OutboxOp[];
}

/** Unconfirmed ops ahead of `seq`, in queue order. */
const unconfirmedBefore = async (db: RosterDb, seq = Infinity): Promise<OutboxOp[]> => (await unconfirmedOps(db)).filter((e) => e.seq < seq);

/** The view an op at `seq` is read against: confirmed ⊕ the unconfirmed ops ahead of it. */
const viewBefore = async (db: RosterDb, confirmed: AccessState, seq?: number): Promise<AccessState> => viewOf(confirmed, await unconfirmedBefore(db, seq));

/**
 * Queues a plan's ops at the end of the outbox, in order, all or nothing. Ops are validated
 * against the PlanOp schema first: a malformed op refuses the whole plan and queues nothing.
 * Each op's precondition (and the inverse History's Undo needs) is read in the transaction that
 * queues it, from the view the admin saw: confirmed ⊕ the unconfirmed ops ahead ⊕ the plan's
 * earlier ops. The confirmed indexes are the optimistic view's, built once per cache version.
 */
export const enqueuePlan = async (db: RosterDb, ops: PlanOp[], now = new Date()): Promise<QueuedPlan> => {
  if (ops.length === 0) throw new Error('the plan has no operations: nothing to queue');
  ops.forEach((op, i) => {
    const r = PlanOp.safeParse(op);
    if (!r.success) throw new Error(`plan op ${i + 1} (${(op as { op?: string }).op ?? '?'}) is invalid: ${r.error.issues[0]?.message}`);
  });
  const confirmed = await confirmedState(db);
  const planId = crypto.randomUUID();
  return db.transaction('rw', db.outbox, async () => {
    const last = await db.outbox.orderBy('seq').last();
    const view = await viewBefore(db, confirmed);
    const entries = toOutboxOps(planId, ops, view, now.getTime(), (last?.seq ?? 0) + 1, { inverse: true });
    await db.outbox.bulkAdd(entries);
    return { planId, entries };
  });
};

/** What main should push: ops not yet final, in queue order, without what only the renderer keeps. */
export const pushable = async (db: RosterDb): Promise<OutboxOp[]> =>
  (await unconfirmedBefore(db)).map(({ inverse: _i, landedAt: _l, ...op }) => op);

/** One result from main (a sync.op event) written back to its op; a late result of an earlier round is ignored. */
export const recordResult = async (db: RosterDb, op: OutboxOp): Promise<void> => {
  await db.transaction('rw', db.outbox, async () => {
    const e = await db.outbox.get(op.id);
    if (!e || e.round !== op.round) return;
    const next: OutboxOp = { ...e, status: op.status, attempts: op.attempts, updatedAt: op.updatedAt };
    if (op.lastError) next.lastError = op.lastError;
    else delete next.lastError;
    if (op.conflict) next.conflict = op.conflict;
    // Shown as pending until a refresh begun after this moment brings it into the confirmed tables.
    if (isLanded(op.status) && !isLanded(e.status)) next.landedAt = Date.now();
    await db.outbox.put(next);
  });
};

/** After a pull: pending ops whose precondition no longer holds become conflicts. */
export const reconcileOutbox = async (db: RosterDb): Promise<number> => {
  const { changed } = reconcile(await confirmedState(db), await unconfirmedBefore(db), Date.now());
  for (const op of changed) await recordResult(db, op);
  return changed.length;
};

/** The admin's answer to a conflict: keep mine (requeued on the current view, a new round), take theirs or drop. */
export const resolveEntry = async (db: RosterDb, id: string, how: Resolution): Promise<void> => {
  const e = await db.outbox.get(id);
  if (!e) throw new Error(`no queued change ${id}`);
  const next = resolveConflict(e, how, await viewBefore(db, await confirmedState(db), e.seq), Date.now());
  await followCreate(db, e, how);
  if (!next) return void (await db.outbox.delete(id));
  await db.outbox.put(next.status === 'pending' ? { ...next, round: e.round + 1 } : next);
};

/**
 * After a create's conflict ("may have been created and renamed by someone else"), what was
 * queued on its provisional group `new:<name>` follows the admin's answer. Take theirs adopts
 * that group: those changes go to it instead. Keep mine creates the group again: they stay on
 * `new:<name>`. Either way a change that failed for want of the group is queued again (a new
 * round); drop leaves them as they are.
 */
const followCreate = async (db: RosterDb, op: OutboxOp, how: Resolution): Promise<void> => {
  if (op.args.op !== 'group.create' || how === 'drop') return;
  const from = provisionalGroupId(op.args.name);
  const a = how === 'takeTheirs' ? adoption(op) : undefined;
  if (how === 'takeTheirs' && !a) return;
  for (const x of await db.outbox.toArray()) {
    if (isLanded(x.status) || x.id === op.id || (x.args as { groupId?: string }).groupId !== from) continue;
    let next = a ? rewireGroup(x, a.from, a.to) : x;
    if (x.status === 'failed') {
      const { lastError: _e, ...rest } = next;
      next = { ...rest, status: 'pending', round: x.round + 1 };
    }
    if (next !== x) await db.outbox.put(next);
  }
};

