import { afterAll, describe, expect, it } from 'vitest';
import { createPlatformClient, queryAll } from '../../../shared/api';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { toOutboxOps } from '../../../shared/sync/outbox';
import { politeFetch } from '../../support/platformHttp';
import { callHost, startPlatformProcess, startWebHost, stopAll, tempDir, type PlatformProcess, type WebProcess } from '../../e2e/support/host';

/**
 * DESIGN.md, Push: "nothing is lost on crash". The browser host is SIGKILLed mid-push; a new one
 * on the same data dir gets the same ops again and every group lands exactly once.
 */
const N = 40;
let platform: PlatformProcess | undefined;
let web: WebProcess | undefined;
afterAll(() => stopAll(web, platform));

describe('browser host crash mid-push', () => {
  it(`all ${N} ops land exactly once after a kill and a restart`, async () => {
    platform = await startPlatformProcess();
    // Our own reads share the account's rate limit with the push: a 503 is sent again after its Retry-After.
    const api = createPlatformClient({ baseUrl: platform.url, user: platform.user, token: platform.token, fetch: (u, init) => politeFetch(u, init) });
    const names = Array.from({ length: N }, (_, i) => `Crash ${String(i).padStart(2, '0')}`);
    const ops = toOutboxOps('crash', names.map((name) => ({ op: 'group.create' as const, name, accountId: EXAMPLE.primary.accountId })), exampleSnapshot(), Date.now());
    const created = async (): Promise<string[]> => (await queryAll(api, 'AccountGroup')).records.filter((g) => g.name.startsWith('Crash ')).map((g) => g.name);

    const dataDir = tempDir('crash');
    web = await startWebHost({ platform, dataDir });
    await callHost(web, 'sync.push', { ops });
    await expect.poll(async () => (await created()).length, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(N / 4);
    await web.crash();
    const atCrash = (await created()).length;
    expect(atCrash).toBeLessThan(N);

    web = await startWebHost({ platform, dataDir });
    await callHost(web, 'sync.push', { ops });
    await expect.poll(async () => (await callHost<{ running: number }>(web!, 'sync.status')).running, { timeout: 60_000 }).toBe(0);
    const after = await created();
    expect(after.sort()).toEqual(names);
  }, 120_000);
});
