import type { FetchLike, ResponseLike } from '../api';
import type { Clock } from './clock';
import { TokenBucket } from './tokenBucket';
import { pacedFetch } from './transport';

/** The vendor's documented limit (DESIGN.md: 10 requests/s per account): used when the platform does not say. */
export const DEFAULT_RATE = 10;
/** A platform without a limit is not paced; the bucket is then only the place a 503's Retry-After is held. */
const UNLIMITED = 1e6;
/** Our burst stays under the platform's own bucket (a second's worth), so we never trip its 503 alone. */
const BURST = 5;

export interface PacerOptions {
  clock: Clock;
  random: () => number;
  /** The limit to keep when the platform does not tell its own (a real vendor platform). */
  fallbackRate?: number;
  /** Extra tries for reads and 503s (shared/sync pacedFetch). */
  retries?: number;
}

type WithHeaders = ResponseLike & { headers?: { get?(name: string): string | null } };

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now; null when absent or unreadable. */
export const retryAfterMs = (res: ResponseLike, now: number): number | null => {
  const v = (res as WithHeaders).headers?.get?.('retry-after')?.trim();
  if (!v) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
};

/**
 * The bucket pacedFetch holds on to, whose limit can change under it: a connection learns its
 * platform's limit after the transport exists, and a 503 can change it again mid-scan.
 */
class SwitchingBucket extends TokenBucket {
  constructor(
    clock: Clock,
    private inner: TokenBucket,
  ) {
    super(clock, UNLIMITED, UNLIMITED);
  }

  switchTo(next: TokenBucket): void {
    const heldMs = this.inner.waitMs();
    if (heldMs > 0) next.hold(heldMs);
    this.inner = next;
  }

  override waitMs(): number {
    return this.inner.waitMs();
  }

  override take(signal?: AbortSignal): Promise<void> {
    return this.inner.take(signal);
  }

  override hold(ms: number): void {
    this.inner.hold(ms);
  }
}

/**
 * The one pacing of everything Roster sends to a platform — main's pull, probe and push, and the
 * CLI's export and apply alike: a token bucket at the platform's own limit. A platform that says it has none (rate 0) is
 * not paced, so a cold pull runs as fast as the platform answers. Whatever the rate, a 503 is
 * honoured: its Retry-After stops every sender for that long, and an unpaced platform that
 * answers 503 is from then on paced at the fallback limit until it says otherwise.
 */
export class PlatformPacer {
  private readonly bucket: SwitchingBucket;
  private current: number;
  /** Every request goes through here: the bucket in force when it waits for a token applies. */
  readonly fetch: FetchLike;

  constructor(
    private readonly inner: FetchLike,
    private readonly o: PacerOptions,
  ) {
    this.current = this.fallbackRate;
    this.bucket = new SwitchingBucket(o.clock, this.makeBucket(this.current));
    const observed: FetchLike = async (url, init) => {
      const res = await this.inner(url, init);
      if (res.status === 503) this.busy(retryAfterMs(res, this.o.clock.now()));
      return res;
    };
    this.fetch = pacedFetch(observed, { bucket: this.bucket, clock: o.clock, random: o.random, retries: o.retries ?? 3 });
  }

  get fallbackRate(): number {
    return this.o.fallbackRate ?? DEFAULT_RATE;
  }

  /** Requests per second we pace at; 0 = not paced. */
  get rate(): number {
    return this.current;
  }

  /** The platform's limit as it told it: 0 = none. A change keeps any Retry-After hold in force. */
  setRate(rate: number): void {
    if (!Number.isFinite(rate) || rate < 0) throw new Error(`rate must be 0 (none) or a positive number of requests per second, got ${rate}`);
    if (rate === this.current) return;
    this.current = rate;
    this.bucket.switchTo(this.makeBucket(rate));
  }

  private makeBucket(rate: number): TokenBucket {
    if (rate === 0) return new TokenBucket(this.o.clock, UNLIMITED, UNLIMITED);
    return new TokenBucket(this.o.clock, rate, Math.min(BURST, Math.max(1, Math.floor(rate / 2))));
  }

  /** A 503: the platform limits after all, and says for how long to stop (else one slot of our rate). */
  private busy(retryAfter: number | null): void {
    if (this.current === 0) this.setRate(this.fallbackRate);
    this.bucket.hold(retryAfter ?? 1000 / this.current);
  }
}
