import { expect, test } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { embeddedInThread } from '../../electron/main/embeddedThread';
import { platformQuery, ROOT, tempDir } from './support/host';

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
