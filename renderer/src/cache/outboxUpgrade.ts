import type { Table, Transaction } from 'dexie';
import { buildState } from '../../../shared/access/state';
import type { PlanOp } from '../../../shared/plans/types';
import { toOutboxOps } from '../../../shared/sync/outbox';
import { viewOf } from '../../../shared/sync/reconcile';
import type { ConflictInfo, OpStatus, OutboxOp, Precondition } from '../../../shared/sync/types';
import type { Inverse } from '../../../shared/plans/inverse';
import { readSnapshot } from './snapshot';
import { isUnconfirmed } from './outbox';

/** An outbox row as versions 1–8 of the cache stored it. */
export interface LegacyEntry {
  id: string;
  seq: number;
  planId: string;
  op: PlanOp;
  status: 'pending' | 'sending' | 'done' | 'failed' | 'conflict';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  landedAt?: string;
  /** Absent when the app closed between queuing and the push loop reading it. */
  precondition?: Precondition;
  /** The engine's status behind `done`. */
  result?: OpStatus;
  conflict?: ConflictInfo[];
  round?: number;
  inverse?: Inverse;
}

const STATUS: Record<Exclude<LegacyEntry['status'], 'done'>, OpStatus> = {
  pending: 'pending', sending: 'inflight', failed: 'failed', conflict: 'conflict',
};

/** A legacy row as an OutboxOp; its precondition stays absent when it was never read. */
export const fromLegacy = (e: LegacyEntry): Omit<OutboxOp, 'precondition'> & { precondition?: Precondition } => {
  const createdAt = Date.parse(e.createdAt) || 0;
  const op: Omit<OutboxOp, 'precondition'> & { precondition?: Precondition } = {
    id: e.id,
    planId: e.planId,
    seq: e.seq,
    round: e.round ?? 0,
    args: e.op,
    status: e.status === 'done' ? (e.result === 'unchanged' ? 'unchanged' : 'applied') : STATUS[e.status],
    attempts: e.attempts,
    createdAt,
    updatedAt: createdAt,
  };
  if (e.precondition) op.precondition = e.precondition;
  if (e.lastError) op.lastError = e.lastError;
  if (e.conflict) op.conflict = e.conflict;
  if (e.inverse) op.inverse = e.inverse;
  if (e.landedAt) op.landedAt = Date.parse(e.landedAt) || createdAt;
  return op;
};

const isLegacy = (row: unknown): row is LegacyEntry => typeof row === 'object' && row !== null && 'op' in row && !('args' in row);

/**
 * Rewrites the outbox of a cache written by version 8 or earlier, in the upgrade's transaction.
 * A row whose precondition was never read gets it now, as the old push loop would have on its
 * next pass: from the confirmed tables ⊕ the unconfirmed ops ahead of it (and its inverse).
 */
export const upgradeOutbox = async (tx: Transaction): Promise<void> => {
  const table = tx.table('outbox') as Table<unknown, string>;
  const rows = (await table.toArray()).filter(isLegacy).sort((a, b) => a.seq - b.seq);
  if (!rows.length) return;
  const ops = rows.map(fromLegacy);
  if (ops.some((o) => !o.precondition)) {
    const confirmed = buildState(await readSnapshot((t) => tx.table(t)));
    for (const o of ops) {
      if (o.precondition) continue;
      const ahead = ops.filter((x): x is OutboxOp => !!x.precondition && x.seq < o.seq && isUnconfirmed(x));
      const [prepared] = toOutboxOps(o.planId, [o.args], viewOf(confirmed, ahead), o.createdAt, o.seq, { inverse: true });
      o.precondition = prepared!.precondition;
      o.args = prepared!.args;
      o.inverse = prepared!.inverse!;
    }
  }
  await table.bulkPut(ops);
};
