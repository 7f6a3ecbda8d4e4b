import { rmSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from '../../../shared/seeds/example';
import { startPlatform } from '../../../platform';
import { eq, startTestPlatform, tokenAuth, type Json, type TestPlatform } from './helpers';
import { adminCall } from './tenants';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ seed: 'example' });
});
afterAll(async () => p?.stop());

const setFaults = async (faults: string) => {
  const r = await adminCall(p, 'PUT', 'faults', { faults });
  expect(r.status).toBe(200);
  return r.body.faults;
};
const withFaults = async (faults: string, fn: () => Promise<void>) => {
  await setFaults(faults);
  try {
    await fn();
  } finally {
    await setFaults('off');
  }
};
const groupsQuery = () => p.api.query('AccountGroup');

describe('fault injection', () => {
  it('503 share: the request fails with 503 and an Error body', async () => {
    await withFaults('503=1', async () => {
      const r = await groupsQuery();
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ '@type': 'Error' });
    });
    expect((await groupsQuery()).status).toBe(200);
  });

  it('500 share: the request fails with 500 and changes nothing', async () => {
    await withFaults('500=1', async () => {
      expect((await p.api.call('POST', 'AccountGroup', { name: 'Never made' })).status).toBe(500);
    });
    expect((await p.api.query('AccountGroup', eq('name', 'Never made'))).body).toMatchObject({ numberOfResults: 0 });
  });

  it('drop: the connection closes without an answer and nothing changes', async () => {
    await withFaults('drop=1', async () => {
      await expect(p.api.call('POST', 'AccountGroup', { name: 'Dropped' })).rejects.toThrow();
    });
    expect((await p.api.query('AccountGroup', eq('name', 'Dropped'))).body).toMatchObject({ numberOfResults: 0 });
  });

  it('commit-drop: the write happens but the client sees a failure', async () => {
    await withFaults('commit-drop=1', async () => {
      await expect(p.api.call('POST', 'AccountGroup', { name: 'Committed' })).rejects.toThrow();
      // Reads are not writes: they still answer.
      expect((await groupsQuery()).status).toBe(200);
    });
    expect((await p.api.query('AccountGroup', eq('name', 'Committed'))).body).toMatchObject({ numberOfResults: 1 });
  });

  it('latency: every request waits within the range', async () => {
    await withFaults('latency=120-150', async () => {
      const t0 = performance.now();
      expect((await groupsQuery()).status).toBe(200);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
    });
  });

  it('a seed makes the failures reproducible', async () => {
    const run = async () => {
      await setFaults('503=0.5,seed=42');
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await groupsQuery()).status);
      await setFaults('off');
      return out;
    };
    const a = await run();
    expect(new Set(a)).toEqual(new Set([200, 503]));
    expect(await run()).toEqual(a);
  });

  it('refuses a malformed fault spec, at start-up and on the admin endpoint', async () => {
    const r = await adminCall(p, 'PUT', 'faults', { faults: '503=2' });
    expect(r.status).toBe(400);
    expect(String(r.body.message)).toMatch(/between 0 and 1/);
    await expect(startPlatform({ dataDir: `${p.dir}-never`, faults: 'explode=0.1' })).rejects.toThrow(/unknown fault "explode"/);
  });
});

describe('rate limit', () => {
  it('answers 503 beyond N requests a second per account, then recovers', async () => {
    expect((await adminCall(p, 'PUT', 'rate', { rate: 3 })).status).toBe(200);
    try {
      const t0 = performance.now();
      const replies = await Promise.all(Array.from({ length: 15 }, () => groupsQuery()));
      const elapsedS = (performance.now() - t0) / 1000;
      const statuses = replies.map((r) => r.status);
      // A full bucket (3) plus what refilled while the burst was being answered.
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3 + Math.ceil(elapsedS * 3));
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      const limited = replies.find((r) => r.status === 503)!;
      expect((limited.body as Json).message).toMatch(/rate limit of 3 requests per second/);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await groupsQuery()).status).toBe(200);
    } finally {
      await adminCall(p, 'PUT', 'rate', { rate: 0 });
    }
  });
});

describe('admin endpoint', () => {
  it('needs the admin user’s credentials', async () => {
    const url = `http://127.0.0.1:${p.port}/admin/faults`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: tokenAuth(EXAMPLE.users[0], 'whatever-token') } })).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: tokenAuth(p.user, p.token) } })).status).toBe(200);
  });

  const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  it.skipIf(!external)('answers loopback clients only', async () => {
    const wide = await startTestPlatform({ seed: 'example', host: '0.0.0.0' });
    try {
      const auth = { Authorization: tokenAuth(wide.user, wide.token) };
      expect((await fetch(`http://${external}:${wide.port}/admin/faults`, { headers: auth })).status).toBe(403);
      expect((await fetch(`http://127.0.0.1:${wide.port}/admin/faults`, { headers: auth })).status).toBe(200);
    } finally {
      await wide.stop();
    }
  });
});

describe('persistence', () => {
  it('a restart loses nothing and does not reseed', async () => {
    const dir = `${p.dir}-restart`;
    const first = await startTestPlatform({ seed: 'example', adminToken: 'first-token-123' }, dir);
    let group: string;
    try {
      const r = await first.api.call('POST', 'AccountGroup', { name: 'Survives restart' });
      group = String((r.body as Json).id);
    } finally {
      await first.stop();
    }
    const second = await startTestPlatform({ seed: 'partner', adminToken: 'second-token-456' }, dir);
    try {
      expect(second.accountId).toBe(EXAMPLE.primary.accountId);
      const names = ((await second.api.query('AccountGroup')).body as { result: Json[] }).result.map((g) => g.name).sort();
      expect(names).toEqual(['All Accounts', 'Services 1', 'Services 2', 'Survives restart']);
      expect((await second.api.call('GET', `AccountGroup/${group}`)).status).toBe(200);
      const old = await second.api.call('POST', 'Role/query', {}, { auth: tokenAuth(second.user, 'first-token-123') });
      expect(old.status).toBe(200);
    } finally {
      await second.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
