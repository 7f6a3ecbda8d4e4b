import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../shared/sync/backoff';
import { seededRandom } from '../../../shared/sync/clock';
import { TokenBucket } from '../../../shared/sync/tokenBucket';
import { FakeClock } from './clock';

describe('TokenBucket (DESIGN.md Push: at the platform rate limit)', () => {
  it('spaces calls at the rate once the burst is spent', async () => {
    const clock = new FakeClock();
    const b = new TokenBucket(clock, 10, 1);
    for (let i = 0; i < 21; i++) await b.take();
    // 1 from the burst, then 20 at 100 ms each.
    expect(clock.now()).toBeCloseTo(2000, 0);
  });

  it('lets a burst of `capacity` through at once, then paces', async () => {
    const clock = new FakeClock();
    const b = new TokenBucket(clock, 5, 5);
    for (let i = 0; i < 5; i++) await b.take();
    expect(clock.now()).toBe(0);
    await b.take();
    expect(clock.now()).toBeCloseTo(200, 0);
  });

  it('refills while idle, up to the capacity only', async () => {
    const clock = new FakeClock();
    const b = new TokenBucket(clock, 10, 2);
    await b.take();
    await b.take();
    clock.t += 10_000;
    expect(b.waitMs()).toBe(0);
    await b.take();
    await b.take();
    expect(b.waitMs()).toBeGreaterThan(0);
  });

  it('hold() after a 503 stops every caller for that long', async () => {
    const clock = new FakeClock();
    const b = new TokenBucket(clock, 100, 10);
    b.hold(1500);
    await b.take();
    expect(clock.now()).toBeGreaterThanOrEqual(1500);
  });

  it('serves concurrent callers in order, each one token', async () => {
    const clock = new FakeClock();
    const b = new TokenBucket(clock, 4, 1);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => b.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(clock.now()).toBeCloseTo(750, 0);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new TokenBucket(new FakeClock(), 0)).toThrow(/rate must be positive/);
  });
});

describe('backoff with jitter', () => {
  it('grows exponentially and stays within [ceiling/2, ceiling]', () => {
    const rnd = seededRandom(7);
    for (let attempt = 1; attempt <= 8; attempt++) {
      const ceiling = Math.min(30_000, 200 * 2 ** (attempt - 1));
      for (let k = 0; k < 20; k++) {
        const ms = backoffMs(attempt, rnd);
        expect(ms).toBeGreaterThanOrEqual(ceiling / 2);
        expect(ms).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('is capped at maxMs however many attempts', () => {
    expect(backoffMs(60, () => 1, { baseMs: 100, maxMs: 5000 })).toBe(5000);
  });

  it('jitters: two clients retrying together do not pick the same delay', () => {
    const a = backoffMs(3, seededRandom(1));
    const b = backoffMs(3, seededRandom(2));
    expect(a).not.toBe(b);
  });
});
