import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedInThread } from '../../../electron/main/embeddedThread';
import { platformPost, type PlatformCredentials } from '../../support/platformHttp';

// The worker is the TypeScript source run through tsx, as the browser host does without its bundle.
const start = embeddedInThread({ file: new URL('../../../electron/main/embeddedWorker.ts', import.meta.url), tsx: 'tsx/esm/api', seed: 'example' });
const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const accounts = async (p: PlatformCredentials) => {
  const res = await platformPost(p, 'Account/query', '{}');
  return { status: res.status, body: (await res.json()) as { result?: unknown[] } };
};

describe('the embedded platform in its own thread', () => {
  // Three threads each compile the platform through tsx and open PGlite (85 s at load 27 on 2
  // cores): the limit guards a hang, not speed.
  it('answers requests; a second start on its data dir is refused with the platform’s reason; close() lets go of the dir', async () => {
    const opts = { dataDir: path.join(dir, 'platform'), adminUser: 'admin@roster.local', adminToken: 'admin-token-0123' };
    const p = await start(opts);
    expect(p.user).toBe('admin@roster.local');
    const first = await accounts(p);
    expect(first.status).toBe(200);
    expect(first.body.result?.length).toBeGreaterThan(0);
    await expect(start(opts)).rejects.toThrow(/another platform \(pid \d+\) is using/);
    await p.close();
    await p.close(); // closing twice is harmless
    await expect(fetch(`${p.url}/Account/query`, { method: 'POST' })).rejects.toThrow();
    // Reopened: the same data, the same admin token.
    const again = await start(opts);
    try {
      expect((await accounts(again)).body.result?.length).toBe(first.body.result?.length);
    } finally {
      await again.close();
    }
  }, 240_000);

  it('options the platform cannot use fail the start with its own message', async () => {
    await expect(start({ dataDir: path.join(dir, 'bad'), adminUser: 'a@b.c', adminToken: 'short' })).rejects.toThrow('the admin token must have at least 8 characters');
  }, 60_000);
});
