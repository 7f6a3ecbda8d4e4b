import type { OpStatus, OutboxOp } from '../../../../shared/sync/types';

/**
 * The Outbox table's words for an op's status: the engine's `inflight` reads "sending", and
 * `applied` and `unchanged` both read "done" (the platform took it either way).
 */
export type ShownStatus = 'pending' | 'sending' | 'done' | 'failed' | 'conflict';
const SHOWN: Record<OpStatus, ShownStatus> = {
  pending: 'pending', inflight: 'sending', applied: 'done', unchanged: 'done', failed: 'failed', conflict: 'conflict',
};
export const shownStatus = (s: OpStatus): ShownStatus => SHOWN[s];

export type OutboxFilter = 'open' | ShownStatus | 'all';

/** Counts per status: what the Sync screen's summary says. */
export const countByStatus = (entries: readonly Pick<OutboxOp, 'status'>[]): Record<ShownStatus, number> => {
  const out: Record<ShownStatus, number> = { pending: 0, sending: 0, done: 0, failed: 0, conflict: 0 };
  for (const e of entries) out[SHOWN[e.status]]++;
  return out;
};

/** 'open' is everything not yet confirmed by the platform (pending, sending, failed, conflict). */
export const filterOutbox = <T extends Pick<OutboxOp, 'status'>>(entries: readonly T[], filter: OutboxFilter): T[] =>
  entries.filter((e) => (filter === 'all' ? true : filter === 'open' ? SHOWN[e.status] !== 'done' : SHOWN[e.status] === filter));
