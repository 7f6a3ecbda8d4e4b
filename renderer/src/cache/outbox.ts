import { PlanOp } from '../../../shared/plans/types';
import type { OutboxEntry, RosterDb } from './db';

export interface QueuedPlan {
  planId: string;
  entries: OutboxEntry[];
}

/**
 * Queues a plan's ops at the end of the outbox, in order, all or nothing. Ops are validated
 * against the PlanOp schema first: a malformed op refuses the whole plan and queues nothing.
 */
export const enqueuePlan = async (db: RosterDb, ops: PlanOp[], now = new Date()): Promise<QueuedPlan> => {
  if (ops.length === 0) throw new Error('the plan has no operations: nothing to queue');
  ops.forEach((op, i) => {
    const r = PlanOp.safeParse(op);
    if (!r.success) throw new Error(`plan op ${i + 1} (${(op as { op?: string }).op ?? '?'}) is invalid: ${r.error.issues[0]?.message}`);
  });
  const planId = crypto.randomUUID();
  const createdAt = now.toISOString();
  return db.transaction('rw', db.outbox, async () => {
    const last = await db.outbox.orderBy('seq').last();
    const base = (last?.seq ?? 0) + 1;
    const entries: OutboxEntry[] = ops.map((op, i) => ({
      id: crypto.randomUUID(),
      seq: base + i,
      planId,
      op,
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt,
    }));
    await db.outbox.bulkAdd(entries);
    return { planId, entries };
  });
};

/**
 * Ops queued or on their way, not yet confirmed by the platform: what the UI overlays on the
 * confirmed data. Failed and conflicting ops are not part of the view; the Sync area shows them.
 */
export const isUnconfirmed = (e: Pick<OutboxEntry, 'status'>): boolean => e.status === 'pending' || e.status === 'sending';

/**
 * What the optimistic view replays: unconfirmed ops, and ops the platform took (`done`) whose
 * effect the confirmed tables may not hold yet — until a refresh that started after they landed
 * has completed (settleLanded). Without these, a change vanished from the screen between its
 * confirmation and the refresh that brings it back, and admins redid it.
 */
export const inOptimisticView = (e: Pick<OutboxEntry, 'status' | 'landedAt'>): boolean => isUnconfirmed(e) || (e.status === 'done' && !!e.landedAt);

export const viewEntries = async (db: RosterDb): Promise<OutboxEntry[]> => (await db.outbox.orderBy('seq').toArray()).filter(inOptimisticView);

/** A complete refresh that started at `startedAt` holds every op that landed before it: they leave the view. */
export const settleLanded = async (db: RosterDb, startedAt: string): Promise<number> =>
  db.outbox
    .where('status')
    .equals('done')
    .filter((e) => !!e.landedAt && e.landedAt < startedAt)
    .modify((e) => {
      delete e.landedAt;
    });

export const unconfirmedOps = async (db: RosterDb): Promise<OutboxEntry[]> => (await db.outbox.orderBy('seq').toArray()).filter(isUnconfirmed);
