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

/** Pending entries per plan: a plan with more than one offers "Withdraw plan". */
export const pendingByPlan = <T extends Pick<OutboxOp, 'status' | 'planId' | 'id'>>(entries: readonly T[]): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const e of entries) {
    if (e.status !== 'pending') continue;
    const list = out.get(e.planId);
    if (list) list.push(e);
    else out.set(e.planId, [e]);
  }
  return out;
};

/** What the admin is told after withdrawing a plan's pending entries (some may have left meanwhile). */
export const withdrawPlanSentence = (asked: number, withdrawn: number, refused: readonly { reason: string }[]): { ok: boolean; text: string } => {
  const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;
  if (withdrawn === asked) return { ok: true, text: `Withdrawn: the plan's ${changes(withdrawn)}.` };
  const why = [...new Set(refused.map((r) => r.reason))].join('; ') || 'unknown';
  if (withdrawn === 0) return { ok: false, text: `Not withdrawn: ${why}.` };
  return { ok: false, text: `Withdrawn ${withdrawn} of the plan's ${changes(asked)}; the others stay: ${why}.` };
};
