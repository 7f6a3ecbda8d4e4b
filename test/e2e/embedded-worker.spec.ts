import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { embeddedInThread, type FromPlatformThread } from '../../electron/main/embeddedThread';
import { platformPost, platformQuery, ROOT, tempDir } from './support/host';

/**
 * Electron main's build of the embedded platform's thread (out/main/embedded-worker.js, made by
 * `npm run build`) run under Node, where the Electron binary is missing: it answers the vendor's
 * API, and close() lets go of the data dir so the next start can open it.
 */
const BUILT = path.join(ROOT, 'out/main/embedded-worker.js');

test('the Electron build’s embedded-platform thread opens, answers and closes under Node', async () => {
  expect(existsSync(BUILT), 'run npm run build first').toBe(true);
  const start = embeddedInThread({ file: pathToFileURL(BUILT), seed: 'example' });
  const dataDir = tempDir('electron-worker');
  const opts = { dataDir, adminUser: 'admin@roster.local', adminToken: 'admin-token-0123' };
  try {
    for (const round of ['created', 'reopened']) {
      const p = await start(opts);
      try {
        const names = (await platformQuery<{ name: string }>(p, 'AccountGroup')).map((g) => g.name);
        expect(names, round).toEqual(expect.arrayContaining(['All Accounts', 'Services 1', 'Services 2']));
      } finally {
        await p.close();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('main’s build carries the files its code finds beside itself: the vendor profile reads its OpenAPI from out/main', async () => {
  expect(existsSync(BUILT), 'run npm run build first').toBe(true);
  // Every `new URL("…", import.meta.url)` in the build names a file the build wrote (or its own entry).
  const dir = path.join(ROOT, 'out/main');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const urls = files.flatMap((f) =>
    [...readFileSync(path.join(dir, f), 'utf8').matchAll(/new URL\((["'])(\.{1,2}\/[^"']+)\1, import\.meta\.url\)/g)].map((m) => fileURLToPath(new URL(m[2]!, pathToFileURL(path.join(dir, f))))),
  );
  expect(urls.some((u) => u.endsWith('.json')), 'the vendor spec is referenced').toBe(true);
  for (const u of urls) expect(existsSync(u), u).toBe(true);
  for (const u of urls) expect(u.startsWith(dir + path.sep), `${u} is inside out/main (the packaged files)`).toBe(true);

  // And the vendor profile works from the build: every request is checked against that spec.
  const dataDir = tempDir('electron-worker-vendor');
  const worker = new Worker(BUILT, { workerData: { dataDir, port: 0, seed: 'example', adminUser: 'admin@roster.local', adminToken: 'admin-token-0123', quiet: true, profile: 'vendor' } });
  try {
    const ready = await new Promise<FromPlatformThread>((resolve, reject) => {
      worker.on('message', (m: FromPlatformThread) => m.type !== 'closed' && resolve(m));
      worker.once('error', reject);
    });
    if (ready.type !== 'ready') throw new Error(`the vendor platform did not start: ${JSON.stringify(ready)}`);
    const res = await platformPost(ready, 'AccountGroup/query', JSON.stringify({ QueryFilter: { expression: { operator: 'EQUALS', property: 'name', argument: ['Services 1'] } } }));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { result: { name: string }[] }).result.map((g) => g.name)).toEqual(['Services 1']);
    // The same QUERY without its filter is what the vendor's spec forbids.
    const unfiltered = await platformPost(ready, 'AccountGroup/query', '{}');
    expect(unfiltered.status).toBe(400);
    // A field the vendor's AccountGroup lacks is refused by the spec's schema.
    const bad = await platformPost(ready, 'AccountGroup', '{"name":"x","notAVendorField":1}');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('notAVendorField');
    const closed = new Promise<void>((resolve) => worker.on('message', (m: FromPlatformThread) => m.type === 'closed' && resolve()));
    worker.postMessage('close');
    await closed;
  } finally {
    await worker.terminate();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
