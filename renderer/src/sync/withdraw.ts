import type { RosterBridge } from '../../../shared/ipc';
import type { RosterDb } from '../cache/db';
import { isLanded, type OutboxOp } from '../../../shared/sync/types';

export interface Withdrawn {
  withdrawn: string[];
  /** Entries already on their way (or done): they stay, and the admin is told why. */
  refused: { id: string; reason: string }[];
}

/**
 * Withdraw (DESIGN.md "Plan files": a queued op not yet sent can be withdrawn). Main is asked
 * first, since it may already hold the op: only what main confirms it has not started (or never
 * had) leaves the outbox, so the screens — which read confirmed ⊕ outbox — update at once and
 * nothing withdrawn reaches the platform later.
 */
export const withdrawEntries = async (db: RosterDb, bridge: Pick<RosterBridge, 'invoke'>, ids: readonly string[]): Promise<Withdrawn> => {
  const rows = await db.outbox.bulkGet([...ids]);
  const refused: Withdrawn['refused'] = [];
  const candidates: OutboxOp[] = [];
  rows.forEach((e, i) => {
    if (!e) refused.push({ id: ids[i]!, reason: 'it is no longer in the outbox' });
    else if (e.status !== 'pending') refused.push({ id: e.id, reason: `it is ${e.status === 'inflight' ? 'being sent' : isLanded(e.status) ? 'done' : e.status}` });
    else candidates.push(e);
  });
  if (!candidates.length) return { withdrawn: [], refused };
  const answer = await bridge.invoke('sync.withdraw', { ops: candidates.map((e) => ({ id: e.id, round: e.round })) });
  const ok = answer.withdrawn;
  for (const id of answer.sending) refused.push({ id, reason: 'it is already being sent' });
  // Only entries still pending go: a result that arrived meanwhile wins over the withdrawal.
  await db.transaction('rw', db.outbox, async () => {
    for (const id of ok) if ((await db.outbox.get(id))?.status === 'pending') await db.outbox.delete(id);
  });
  return { withdrawn: ok, refused };
};
