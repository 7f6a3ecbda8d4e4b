import type { OutboxEntry, OutboxStatus } from '../../cache';

export type OutboxFilter = 'open' | OutboxStatus | 'all';

/** Counts per status: what the Sync screen's summary says. */
export const countByStatus = (entries: readonly OutboxEntry[]): Record<OutboxStatus, number> => {
  const out: Record<OutboxStatus, number> = { pending: 0, sending: 0, done: 0, failed: 0, conflict: 0 };
  for (const e of entries) out[e.status]++;
  return out;
};

/** 'open' is everything not yet confirmed by the platform (pending, sending, failed, conflict). */
export const filterOutbox = (entries: readonly OutboxEntry[], filter: OutboxFilter): OutboxEntry[] =>
  entries.filter((e) => (filter === 'all' ? true : filter === 'open' ? e.status !== 'done' : e.status === filter));
