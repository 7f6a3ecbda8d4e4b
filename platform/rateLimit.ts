/**
 * Per-account token bucket (10 requests/s by default, as the vendor throttles): a bucket holds up to `rate`
 * requests and refills continuously, so bursts up to one second's worth pass and a steady flood
 * is cut to `rate` a second. rate 0 turns it off.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private rate: number) {}

  get perSecond(): number {
    return this.rate;
  }

  set perSecond(rate: number) {
    this.rate = rate;
    this.buckets.clear();
  }

  /** True when the request may proceed; false means "answer 503". */
  take(account: string, now: number): boolean {
    if (this.rate <= 0) return true;
    const b = this.buckets.get(account) ?? { tokens: this.rate, at: now };
    b.tokens = Math.min(this.rate, b.tokens + ((now - b.at) / 1000) * this.rate);
    b.at = now;
    this.buckets.set(account, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
