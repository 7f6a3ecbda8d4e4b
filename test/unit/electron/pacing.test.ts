import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE, PlatformPacer, retryAfterMs } from '../../../shared/sync/pacer';
import { ConnectionService } from '../../../electron/main/services/connection';
import { memorySecretStore, memorySettingsStore, silentLog } from '../../../electron/main/services';
import type { FetchLike, ResponseLike } from '../../../shared/api';
import { startPlatform, type RunningPlatform } from '../../../platform';
import { FakeClock } from '../sync/clock';

/** A platform behind fetch that notes the (virtual) time of every request and answers as told. */
const timedPlatform = (clock: FakeClock, answer: (n: number) => ResponseLike = () => ok()) => {
  const at: number[] = [];
  const fetch: FetchLike = async () => {
    at.push(clock.now());
    return answer(at.length);
  };
  return { fetch, at };
};
const ok = (): ResponseLike => ({ status: 200, text: async () => '{}' });
const busy = (retryAfter?: string): ResponseLike & { headers: { get(n: string): string | null } } => ({
  status: 503,
  text: async () => '{"@type":"Error","message":"rate limit exceeded"}',
  headers: { get: (n) => (n.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null) },
});
const send = (f: FetchLike, n: number) => Promise.all(Array.from({ length: n }, (_, i) => f(`http://p/api/rest/v1/a/Account/query#${i}`, { method: 'POST', headers: {} })));

describe('PlatformPacer', () => {
  it('paces at the vendor limit (10/s) until the platform tells its own', async () => {
    const clock = new FakeClock();
    const p = timedPlatform(clock);
    const pacer = new PlatformPacer(p.fetch, { clock, random: () => 0.5 });
    expect(pacer.rate).toBe(DEFAULT_RATE);
    await send(pacer.fetch, 50);
    // A burst of 5, then one every 100 ms: 45 more take 4.5 s.
    expect(p.at.at(-1)).toBeGreaterThanOrEqual(4_400);
  });

  it('an unthrottled platform (limit 0) is not paced: 200 requests go at once', async () => {
    const clock = new FakeClock();
    const p = timedPlatform(clock);
    const pacer = new PlatformPacer(p.fetch, { clock, random: () => 0.5 });
    pacer.setRate(0);
    await send(pacer.fetch, 200);
    expect(p.at).toHaveLength(200);
    expect(Math.max(...p.at)).toBe(0);
    expect(clock.sleeps).toEqual([]);
  });

  it('follows a limit the platform tells: 25/s', async () => {
    const clock = new FakeClock();
    const p = timedPlatform(clock);
    const pacer = new PlatformPacer(p.fetch, { clock, random: () => 0.5 });
    pacer.setRate(25);
    await send(pacer.fetch, 105);
    // Burst of 5, then 100 at 40 ms each.
    expect(p.at.at(-1)).toBeGreaterThanOrEqual(3_900);
    expect(p.at.at(-1)).toBeLessThan(4_500);
  });

  it('honours Retry-After on a 503 for every sender, and an unpaced platform that answers 503 is paced from then on', async () => {
    const clock = new FakeClock();
    const p = timedPlatform(clock, (n) => (n === 1 ? busy('2') : ok()));
    const pacer = new PlatformPacer(p.fetch, { clock, random: () => 0.5 });
    pacer.setRate(0);
    const res = await pacer.fetch('http://p/api/rest/v1/a/Account/query', { method: 'POST', headers: {} });
    expect(res.status).toBe(200);
    // The read was retried, not before the 2 s the platform asked for.
    expect(p.at).toHaveLength(2);
    expect(p.at[1]).toBeGreaterThanOrEqual(2_000);
    expect(pacer.rate).toBe(DEFAULT_RATE);
  });

  it('a 503 without Retry-After holds one slot of the current rate, and the fallback limit is configurable', async () => {
    const clock = new FakeClock();
    const p = timedPlatform(clock, (n) => (n === 1 ? busy() : ok()));
    const pacer = new PlatformPacer(p.fetch, { clock, random: () => 0.5, fallbackRate: 4 });
    expect(pacer.rate).toBe(4);
    await pacer.fetch('http://p/api/rest/v1/a/Account/query', { method: 'POST', headers: {} });
    expect(p.at[1]! - p.at[0]!).toBeGreaterThanOrEqual(250);
  });

  it('refuses a negative or non-numeric limit and keeps the one it had', () => {
    const pacer = new PlatformPacer(async () => ok(), { clock: new FakeClock(), random: () => 0.5 });
    expect(() => pacer.setRate(-1)).toThrow(/rate must be 0/);
    expect(() => pacer.setRate(Number.NaN)).toThrow(/rate must be 0/);
    expect(pacer.rate).toBe(DEFAULT_RATE);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs(busy('3'), 0)).toBe(3_000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(busy('Thu, 01 Jan 2026 00:00:05 GMT'), now)).toBe(5_000);
    expect(retryAfterMs(busy('soon'), now)).toBeNull();
    expect(retryAfterMs(ok(), now)).toBeNull();
  });
});

describe('ConnectionService pacing against the reference platform', () => {
  let dir: string;
  let platform: RunningPlatform;
  const services: ConnectionService[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'roster-pacing-test-'));
    platform = await startPlatform({ dataDir: dir, port: 0, seed: 'example', quiet: true, rate: 0, adminUser: 'admin@pacing.test', adminToken: 'pacing-token' });
  }, 60_000);
  afterAll(async () => {
    for (const s of services) await s.close();
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const connect = async (user: string, token: string) => {
    const s = new ConnectionService({
      dataDir: dir, fetch: (u, i) => fetch(u, i), secrets: memorySecretStore(), settings: memorySettingsStore(), emit: () => {}, log: silentLog, probeIntervalMs: 0,
      startEmbedded: async () => {
        throw new Error('not used');
      },
      override: { url: platform.url, user, token },
    });
    services.push(s);
    await s.info();
    return s;
  };
  const setPlatformRate = (rate: number) =>
    fetch(`${new URL(platform.url).origin}/admin/rate`, {
      method: 'PUT', body: JSON.stringify({ rate }), headers: { Authorization: `Basic ${btoa(`BOOMI_TOKEN.admin@pacing.test:pacing-token`)}` },
    });

  it('an unthrottled reference platform is not paced; a runtime change of its limit is followed at the next probe', async () => {
    const s = await connect(platform.user, platform.token);
    expect(s.pacedRate).toBe(0);
    expect((await setPlatformRate(7)).status).toBe(200);
    await s.probe();
    expect(s.pacedRate).toBe(7);
    await setPlatformRate(0);
    await s.probe();
    expect(s.pacedRate).toBe(0);
  });

  it('a platform that does not tell its limit (here: credentials its admin endpoint refuses) is paced at the configured 10/s', async () => {
    const s = await connect(platform.user, 'not-the-token');
    expect(s.pacedRate).toBe(DEFAULT_RATE);
  });
});
