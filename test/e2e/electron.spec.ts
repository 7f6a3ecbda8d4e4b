import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, tempDir } from './support/host';

/** The real Electron app, where its binary could be installed; skipped elsewhere. */
const electronBinary = (): string | null => {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('electron/package.json'));
    if (!existsSync(path.join(dir, 'path.txt'))) return null;
    const bin: unknown = require('electron');
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
};

const BIN = electronBinary();

test.describe('Electron app', () => {
  test.skip(!BIN, 'Electron binary not installed on this machine (node_modules/electron/path.txt missing); the browser-host E2E covers the app');

  test('opens a locked-down window on the embedded platform and shows the seed 002 groups', async () => {
    const userData = tempDir('electron');
    const app = await electron.launch({
      executablePath: BIN!,
      args: [ROOT, '--no-sandbox'],
      cwd: ROOT,
      env: { ...process.env, ROSTER_USER_DATA: userData },
    });
    try {
      const win = await app.firstWindow();
      for (const name of ['All Accounts', 'Services 1', 'Services 2']) await expect(win.getByText(name).first()).toBeVisible({ timeout: 60_000 });
      // The page has the contract and nothing else: no Node, no ipcRenderer.
      const surface = await win.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        roster: Object.keys((window as unknown as { roster: object }).roster).sort(),
      }));
      expect(surface).toEqual({ require: 'undefined', process: 'undefined', roster: ['call', 'invoke', 'on'] });
      // window.open is denied.
      expect(await win.evaluate(() => window.open('https://example.com') === null)).toBe(true);
      await win.screenshot({ path: 'test-results/electron-groups.png' });
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
