import type { Clock } from './clock';

/**
 * A token bucket at the platform's rate limit (DESIGN.md: 10 requests/s per account by default).
 * `capacity` is the burst; the platform counts requests per second, so a burst of one spaces
 * calls evenly and never trips its 503. `hold` stops the flow for a while after a 503, for
 * every caller sharing the bucket (one bucket per platform: pull and push alike).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private heldUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    readonly rate: number,
    private readonly capacity = 1,
  ) {
    if (!(rate > 0)) throw new Error(`rate must be positive, got ${rate}`);
    if (!(capacity >= 1)) throw new Error(`capacity must be at least 1, got ${capacity}`);
    this.tokens = capacity;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
  }

  /** ms until a token is available (0 if one is there now); does not take it. */
  waitMs(): number {
    this.refill();
    const held = Math.max(0, this.heldUntil - this.clock.now());
    const short = this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.rate;
    return Math.max(held, short);
  }

  /** Takes one token, waiting in FIFO order for it. */
  take(signal?: AbortSignal): Promise<void> {
    const next = this.queue.then(async () => {
      for (let w = this.waitMs(); w > 0 && !signal?.aborted; w = this.waitMs()) await this.clock.sleep(w, signal);
      this.refill();
      this.tokens -= 1;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** After a 503: nobody sends for `ms`, and the burst is spent. */
  hold(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.clock.now() + ms);
    this.tokens = Math.min(this.tokens, 0);
  }
}

/**
 * The bucket for a platform whose limiter allows a second's worth of burst (the reference
 * platform, and the vendor's 10/s): a burst of a fifth of that absorbs timer lateness (a token
 * is never lost to a late wake-up) and stays well inside the platform's own burst.
 */
export const platformBucket = (clock: Clock, rate: number): TokenBucket => new TokenBucket(clock, rate, Math.max(2, Math.floor(rate / 5)));
