import type { FetchLike } from '../../../shared/api';

export interface ThrottleOptions {
  /** Requests per second; the platform allows 10 per account by default (DESIGN.md). */
  perSecond: number;
  /** Extra attempts after a 503 (rate limited), each waiting longer. */
  retries: number;
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Keeps main's reads under the platform's rate limit: requests are spaced 1/perSecond apart,
 * and a 503 is retried after a growing pause with jitter before it reaches the caller.
 */
export const throttledFetch = (inner: FetchLike, o: ThrottleOptions): FetchLike => {
  const sleep = o.sleep ?? realSleep;
  const now = o.now ?? Date.now;
  const gap = 1000 / o.perSecond;
  let nextSlot = 0;
  const slot = async () => {
    const t = now();
    const at = Math.max(t, nextSlot);
    nextSlot = at + gap;
    if (at > t) await sleep(at - t);
  };
  return async (url, init) => {
    for (let attempt = 0; ; attempt++) {
      await slot();
      const res = await inner(url, init);
      if (res.status !== 503 || attempt >= o.retries) return res;
      await sleep(o.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5));
    }
  };
};
