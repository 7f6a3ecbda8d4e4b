import type { FetchLike, ResponseLike } from '../api';
import { backoffMs, type BackoffPolicy } from './backoff';
import type { Clock } from './clock';
import type { TokenBucket } from './tokenBucket';

export interface PacedFetchOptions {
  bucket: TokenBucket;
  clock: Clock;
  random: () => number;
  backoff?: BackoffPolicy;
  /** Extra tries for reads (GET, bulk GET, QUERY, queryMore) and for 503s; writes with other failures go back to the engine. */
  retries?: number;
  /** Every request sent, for counting calls (benchmarks, the fuzz). */
  onRequest?: (method: string, url: string) => void;
}

// A bulk GET (`POST {Object}/bulk`) is a read too: it changes nothing, so it is safe to send again.
const isRead = (method: string, url: string): boolean => method === 'GET' || /\/(query|queryMore|bulk)$/.test(url.split('?')[0]!);

const READ_BACKOFF: BackoffPolicy = { baseMs: 100, maxMs: 5_000 };

/**
 * The transport under the platform client, one per platform (pull and push share it): every
 * request waits for a token of the bucket at the platform's rate limit. Reads are safe to
 * repeat, so a 503, 5xx or network failure on a read is retried here with jittered backoff
 * (paging resumes from the same queryToken instead of restarting the scan). A 503 on a write is
 * retried too — the platform did not act — while a write's 5xx or dropped connection returns to
 * the engine, which checks by natural key before sending again.
 */
export const pacedFetch = (inner: FetchLike, o: PacedFetchOptions): FetchLike => async (url, init) => {
  const read = isRead(init.method, url);
  const retries = o.retries ?? 6;
  for (let attempt = 1; ; attempt++) {
    await o.bucket.take(init.signal);
    o.onRequest?.(init.method, url);
    let res: ResponseLike;
    try {
      res = await inner(url, init);
    } catch (e) {
      if (!read || attempt > retries || init.signal?.aborted) throw e;
      await o.clock.sleep(backoffMs(attempt, o.random, o.backoff ?? READ_BACKOFF));
      continue;
    }
    const retryable = res.status === 503 || (read && res.status >= 500);
    if (!retryable || attempt > retries) return res;
    await res.text().catch(() => '');
    // Someone else may share the account's limit: give it one slot back before trying again.
    if (res.status === 503) o.bucket.hold(1000 / o.bucket.rate);
    await o.clock.sleep(backoffMs(attempt, o.random, o.backoff ?? READ_BACKOFF));
  }
};
