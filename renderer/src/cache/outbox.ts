import { isLanded, type OutboxOp } from '../../../shared/sync/types';
import type { RosterDb } from './db';

/**
 * Ops queued or on their way, not yet confirmed by the platform: what the UI overlays on the
 * confirmed data. Failed and conflicting ops are not part of the view; the Sync area shows them.
 */
export const isUnconfirmed = (e: Pick<OutboxOp, 'status'>): boolean => e.status === 'pending' || e.status === 'inflight';

/**
 * What the optimistic view replays: unconfirmed ops, and ops the platform took whose effect the
 * confirmed tables may not hold yet — until a refresh that started after they landed has
 * completed (settleLanded). Without these, a change vanished from the screen between its
 * confirmation and the refresh that brings it back, and admins redid it.
 */
export const inOptimisticView = (e: Pick<OutboxOp, 'status' | 'landedAt'>): boolean => isUnconfirmed(e) || (isLanded(e.status) && e.landedAt !== undefined);

export const viewEntries = async (db: RosterDb): Promise<OutboxOp[]> => (await db.outbox.orderBy('seq').toArray()).filter(inOptimisticView);

/** A complete refresh that started at `startedAt` holds every op that landed before it: they leave the view. */
export const settleLanded = async (db: RosterDb, startedAt: string): Promise<number> => {
  const start = Date.parse(startedAt);
  return db.outbox
    .where('status')
    .anyOf('applied', 'unchanged')
    .filter((e) => e.landedAt !== undefined && e.landedAt < start)
    .modify((e) => {
      delete e.landedAt;
    });
};

/** The queued ops not yet confirmed by the platform, in queue order (by the status index, not a scan of the history). */
export const unconfirmedOps = (db: RosterDb): Promise<OutboxOp[]> => db.outbox.where('status').anyOf('pending', 'inflight').sortBy('seq');
