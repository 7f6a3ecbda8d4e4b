import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pull } from '../../../electron/main/services/pull';
import type { ConnectionService } from '../../../electron/main/services/connection';
import type { Log } from '../../../electron/main/services/types';
import { createPlatformClient, type FetchLike, type PlatformClient } from '../../../shared/api';
import { startPlatform, type RunningPlatform } from '../../../platform';
import { equalsFilter } from '../../../shared/model';

const memoryLog = () => {
  const warnings: string[] = [];
  const log: Log = { info: () => {}, warn: (m) => void warnings.push(m) };
  return { log, warnings };
};

/** Just what pull reads from a ConnectionService: a client, what the platform lacks, who is connected, a place to report health. */
const connOf = (client: PlatformClient) =>
  ({ client: async () => client, lacks: () => false, info: async () => ({ accountId: 'primary-1' }), report: () => {} }) as unknown as ConnectionService;

const pullGroups = (client: PlatformClient, log: Log) => pull(connOf(client), log, () => {}, { objectType: 'AccountGroup' });

describe('platform.pull of AccountGroup against the reference platform (seed example)', () => {
  let platform: RunningPlatform;
  let dir: string;
  const urls: string[] = [];
  let client: PlatformClient;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'roster-pull-test-'));
    platform = await startPlatform({ dataDir: dir, port: 0, seed: 'example', quiet: true, rate: 0 });
    const counting: FetchLike = (url, init) => (urls.push(`${init.method} ${url.slice(platform.url.length)}`), fetch(url, init));
    client = createPlatformClient({ baseUrl: platform.url, user: platform.user, token: platform.token, fetch: counting });
  }, 60_000);
  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('R22: reads every group\'s Resources with one bulk GET instead of a GET per group', async () => {
    urls.length = 0;
    const { log, warnings } = memoryLog();
    const r = await pullGroups(client, log);
    expect(r.records.length).toBeGreaterThan(1);
    expect(urls).toEqual(['POST /AccountGroup/query', 'POST /AccountGroup/bulk']);
    expect(warnings).toEqual([]);
    // Each record is the GET form (with Resources), equal to what a plain GET answers.
    for (const rec of r.records as { id: string }[]) expect(rec).toEqual(await client.get('AccountGroup', rec.id));
    expect(r.records.some((g) => Array.isArray((g as { Resources?: { Resource?: unknown[] } }).Resources?.Resource))).toBe(true);
  });
});

const group = (i: number) => ({ '@type': 'AccountGroup', id: `g${i}`, accountId: 'primary-1', name: `Group ${i}` });
const withResources = (i: number) => ({ ...group(i), Resources: { Resource: [{ resourceId: `r${i}`, resourceName: `R ${i}`, objectType: 'Role' }] } });

/** A platform of `n` groups: QUERY 100 a page, bulk answering per item, `failing` ids as 403 items. */
const groupsPlatform = (n: number, failing: Set<string>, brokenBatch = -1) => {
  const bulks: string[][] = [];
  const fetch: FetchLike = async (url, init) => {
    if (url.endsWith('/AccountGroup/query')) {
      const all = Array.from({ length: n }, (_, i) => group(i));
      return { status: 200, text: async () => JSON.stringify({ numberOfResults: n, result: all }) };
    }
    if (url.endsWith('/AccountGroup/bulk')) {
      const ids = (JSON.parse(init.body!) as { request: { id: string }[] }).request.map((r) => r.id);
      bulks.push(ids);
      if (bulks.length - 1 === brokenBatch) return { status: 503, text: async () => '{"@type":"Error","message":"busy"}' };
      const response = ids.map((id, index) =>
        failing.has(id)
          ? { index, id, statusCode: 403, errorMessage: `${id} is not accessible`, Result: { '@type': 'AccountGroup', id } }
          : { index, id, statusCode: 200, Result: withResources(Number(id.slice(1))) });
      return { status: 200, text: async () => JSON.stringify({ '@type': 'BulkResult', response }) };
    }
    return { status: 404, text: async () => '{"@type":"Error","message":"not here"}' };
  };
  return { client: createPlatformClient({ baseUrl: 'http://127.0.0.1:9/api/rest/v1/primary-1', user: 'u', token: 't', fetch }), bulks };
};

describe('platform.pull of AccountGroup: bulk batches and failures', () => {
  it('R22: 250 groups are read in bulk batches of 100, 100 and 50', async () => {
    const { client, bulks } = groupsPlatform(250, new Set());
    const r = await pullGroups(client, memoryLog().log);
    expect(bulks.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(new Set(bulks.flat()).size).toBe(250);
    expect(r.records).toHaveLength(250);
    expect(r.records.every((g) => (g as { Resources?: unknown }).Resources !== undefined)).toBe(true);
  });

  it('a failed bulk item keeps its QUERY record and is logged; the others get their Resources', async () => {
    const { client } = groupsPlatform(5, new Set(['g2']));
    const { log, warnings } = memoryLog();
    const r = await pullGroups(client, log);
    expect(r.records[2]).toEqual(group(2));
    expect(r.records.filter((g) => (g as { Resources?: unknown }).Resources !== undefined)).toHaveLength(4);
    expect(warnings).toEqual([expect.stringMatching(/^AccountGroup g2: could not read its resources \(g2 is not accessible\)/)]);
  });

  it('a failed bulk call keeps that batch\'s QUERY records, logs once, and still reads the next batch', async () => {
    const { client, bulks } = groupsPlatform(150, new Set(), 0);
    const { log, warnings } = memoryLog();
    const r = await pullGroups(client, log);
    expect(bulks).toHaveLength(2);
    expect(r.records.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => group(i)));
    expect((r.records[100] as { Resources?: unknown }).Resources).toBeDefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/AccountGroup g0…g99 \(100\).*HTTP 503/);
  });
});

describe('platform.pull: per-scope hash (unchanged scopes skipped cheaply)', () => {
  const platformOf = (groups: unknown[]) => {
    const fetch: FetchLike = async (url) =>
      url.endsWith('/Role/query')
        ? { status: 200, text: async () => JSON.stringify({ numberOfResults: groups.length, result: groups }) }
        : { status: 404, text: async () => '{"@type":"Error","message":"not here"}' };
    return createPlatformClient({ baseUrl: 'http://127.0.0.1:9/api/rest/v1/primary-1', user: 'u', token: 't', fetch });
  };
  const role = (i: number, name = `Role ${i}`) => ({ '@type': 'Role', id: `r${i}`, accountId: 'primary-1', name, Privileges: { Privilege: [] } });
  const pullRoles = (client: PlatformClient, knownHash?: string) =>
    pull(connOf(client), memoryLog().log, () => {}, knownHash ? { objectType: 'Role', knownHash } : { objectType: 'Role' });

  it('a complete scan carries its hash; asked again with that hash, main answers unchanged and sends no records', async () => {
    const client = platformOf([role(1), role(2)]);
    const first = await pullRoles(client);
    expect(first.records).toHaveLength(2);
    expect(first.hash).toMatch(/^sha256:.+:2$/);
    const again = await pullRoles(client, first.hash);
    expect(again).toEqual({ objectType: 'Role', records: [], quarantined: [], complete: true, hash: first.hash, unchanged: true });
  });

  it('a changed record changes the hash, so the scan is sent in full', async () => {
    const first = await pullRoles(platformOf([role(1), role(2)]));
    const changed = await pullRoles(platformOf([role(1), role(2, 'Renamed')]), first.hash);
    expect(changed.unchanged).toBeUndefined();
    expect(changed.records).toHaveLength(2);
    expect(changed.hash).not.toBe(first.hash);
  });

  it('the hash covers quarantined records: a newly broken record is not hidden behind "unchanged"', async () => {
    const first = await pullRoles(platformOf([role(1)]));
    const broken = await pullRoles(platformOf([role(1), { '@type': 'Role', id: 'r9' }]), first.hash);
    expect(broken.unchanged).toBeUndefined();
    expect(broken.quarantined).toHaveLength(1);
  });

  it('a filtered scan is partial: no hash, never "unchanged"', async () => {
    const client = platformOf([role(1)]);
    const r = await pull(connOf(client), memoryLog().log, () => {}, { objectType: 'Role', filter: equalsFilter('id', 'r1'), knownHash: 'x' });
    expect(r.complete).toBe(false);
    expect(r.hash).toBeUndefined();
    expect(r.records).toHaveLength(1);
  });
});
