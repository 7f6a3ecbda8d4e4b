/**
 * Exponential backoff with full jitter (attempt 1 → up to base, doubling, capped at max): many
 * clients retrying after the same outage spread out instead of retrying in lockstep.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 200, maxMs: 30_000 };

export const backoffMs = (attempt: number, random: () => number, p: BackoffPolicy = DEFAULT_BACKOFF): number => {
  const n = Math.max(1, Math.floor(attempt));
  const ceiling = Math.min(p.maxMs, p.baseMs * 2 ** Math.min(n - 1, 30));
  // Half fixed, half random: never zero (no hot retry loop), never in lockstep.
  return ceiling / 2 + random() * (ceiling / 2);
};
