/**
 * Failed sign-ins per user and per client address: each key may fail `limit` times, then one
 * more attempt is allowed every `windowMs / limit` (a leaky bucket). While a key is over its
 * limit, password attempts are refused before any hashing (so a flood cannot queue scrypt work)
 * and a token that does not verify answers 429 instead of 401. A good API token still passes:
 * checking it costs one SHA-256, and the host's own requests share the loopback address.
 */
export class AuthThrottle {
  private failures = new Map<string, { level: number; at: number }>();

  constructor(
    readonly limit = 10,
    readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  private levelOf(key: string, now: number): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    const level = Math.max(0, f.level - ((now - f.at) / this.windowMs) * this.limit);
    if (level === 0) this.failures.delete(key);
    return level;
  }

  /** Seconds until one of `keys` may try again; 0 when none is over its limit. */
  blockedFor(keys: string[], now: number): number {
    let worst = 0;
    for (const k of keys) worst = Math.max(worst, this.levelOf(k, now) - this.limit + 1);
    return worst <= 0 ? 0 : Math.ceil((worst * this.windowMs) / this.limit / 1000);
  }

  fail(keys: string[], now: number): void {
    if (this.failures.size >= this.maxKeys) {
      for (const k of this.failures.keys()) this.levelOf(k, now);
      if (this.failures.size >= this.maxKeys) this.failures.clear();
    }
    for (const k of keys) this.failures.set(k, { level: this.levelOf(k, now) + 1, at: now });
  }
}
