import type { HistoryEntry, HistoryOp, RosterDb } from '../cache/db';
import { isLanded, type OutboxOp } from '../../../shared/sync/types';

export interface HistoryContext {
  platform: string;
  admin: string;
}

/** What the admin is told when a plan finishes: it landed, or some of it failed. */
export interface PlanOutcome {
  planId: string;
  applied: number;
  unchanged: number;
  failed: number;
  /** The first failure's message, for the snackbar. */
  firstError: string | null;
  entry: HistoryEntry;
}

const finished = (e: OutboxOp): boolean => isLanded(e.status) || e.status === 'failed';

/**
 * After each result from main: when every op of the plan has its final answer (applied,
 * unchanged or failed — a conflict still waits for the admin), the plan goes to History, once.
 * Returns the outcome when this call wrote it (so the caller tells the admin exactly once).
 */
export const recordIfFinished = async (db: RosterDb, planId: string, ctx: HistoryContext, now = new Date()): Promise<PlanOutcome | null> =>
  db.transaction('rw', db.outbox, db.history, async () => {
    if (await db.history.get(planId)) return null;
    const entries = await db.outbox.where('planId').equals(planId).sortBy('seq');
    if (!entries.length || !entries.every(finished)) return null;
    const ops: HistoryOp[] = entries.map((e) => ({
      op: e.args,
      status: e.status === 'failed' || e.status === 'unchanged' ? e.status : 'applied',
      error: e.lastError ?? null,
    }));
    // Only what changed is undone; the last change first.
    const changed = entries.filter((e, i) => ops[i]!.status === 'applied');
    const entry: HistoryEntry = {
      planId,
      queuedAt: new Date(entries[0]!.createdAt).toISOString(),
      appliedAt: now.toISOString(),
      platform: ctx.platform,
      admin: ctx.admin,
      ops,
      inverse: [...changed].reverse().flatMap((e) => e.inverse?.ops ?? []),
      notes: [...new Set(changed.flatMap((e) => e.inverse?.notes ?? []))],
    };
    await db.history.put(entry);
    const count = (s: HistoryOp['status']) => ops.filter((o) => o.status === s).length;
    return { planId, applied: count('applied'), unchanged: count('unchanged'), failed: count('failed'), firstError: ops.find((o) => o.error)?.error ?? null, entry };
  });

/** Newest first. */
export const historyEntries = (db: RosterDb): Promise<HistoryEntry[]> => db.history.orderBy('appliedAt').reverse().toArray();

/** Undo was applied: the original remembers the plan that undid it. */
export const markUndone = async (db: RosterDb, planId: string, undoPlanId: string): Promise<void> => {
  await db.history.update(planId, { undoneBy: undoPlanId });
};
