import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, memorySecretStore, memorySettingsStore, silentLog, type Services } from '../../../electron/main/services';
import type { ConnectionInfo, PullResult } from '../../../shared/ipc';
import type { Account, ObjectType } from '../../../shared/model';
import { EXAMPLE } from '../../../shared/seeds/example';
import { PULL_ORDER } from '../../../renderer/src/sync/pull';
import { startTestPlatform, type TestPlatform } from '../platform/helpers';
import { vendorChecker } from '../sync/vendorCheck';

// Main's services (what the browser host and Electron serve) connected to `--profile vendor`:
// the capability probes at connect and a whole refresh, every request checked against the
// vendor's full OpenAPI as it leaves.
let p: TestPlatform;
let services: Services;
const { sent, violations, fetch } = vendorChecker();
const events: ConnectionInfo[] = [];

beforeAll(async () => {
  p = await startTestPlatform({ seed: 'example', profile: 'vendor' });
  services = createServices({
    dataDir: '/nonexistent-roster-data', fetch, log: silentLog, secrets: memorySecretStore(), settings: memorySettingsStore(),
    startEmbedded: () => Promise.reject(new Error('no embedded platform in this test')),
    override: { url: p.url, user: p.user, token: p.token }, probeIntervalMs: 0, rateLimit: 1000,
  });
  services.subscribe((event, payload) => {
    if (event === 'connection.changed') events.push(payload as ConnectionInfo);
  });
});
afterAll(async () => {
  await services?.close();
  await p?.stop();
});

describe('main connected to the vendor profile', () => {
  it('learns at connect which extensions the platform lacks, one read-only probe per type', async () => {
    const info = await services.handlers['connection.get'](undefined);
    expect(info).toMatchObject({ mode: 'remote', accountId: p.accountId, online: true });
    expect(info.missingCapabilities).toEqual(['partnerServices', 'users', 'publishedResources', 'accountSettings']);
    for (const t of ['User', 'PartnerService', 'PublishedResource']) expect(sent.filter((s) => s === `POST /${t}/query`)).toHaveLength(1);
    expect(violations).toEqual([]);
  });

  it('a refresh of every type loads the groups and their links, reads absent types as none, and marks what Accounts cannot tell', async () => {
    const results = new Map<ObjectType, PullResult>();
    for (const objectType of PULL_ORDER) results.set(objectType, await services.handlers['platform.pull']({ objectType }));
    expect(results.get('AccountGroup')!.records.map((g) => (g as { name: string }).name)).toEqual(expect.arrayContaining(['Services 1', 'Services 2', 'All Accounts']));
    expect(results.get('AccountGroupAccount')!.records.length).toBeGreaterThan(0);
    expect(results.get('User')).toMatchObject({ records: [], complete: true });
    const abc = results.get('Account')!.records.find((a) => (a as Account).accountId === EXAMPLE.accounts[0].accountId) as Account;
    expect(abc.unknown).toContain('supportAccessRoleId');
    expect(abc.parentAccountId).toBe(p.accountId);
    expect(sent).not.toContain('POST /AccountSSOConfig/query');
    // Probed absent at connect: not asked again.
    for (const t of ['User', 'PartnerService', 'PublishedResource']) expect(sent.filter((s) => s === `POST /${t}/query`)).toHaveLength(1);
    expect(sent.filter((s) => s.startsWith('POST /Entity/') || s.startsWith('POST /PartnerAccountAccess/'))).toEqual([]);
    expect(events.at(-1)?.online).toBe(true);
    expect(violations).toEqual([]);
  });
});
