import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../playwright.config';
import { freePort } from '../../e2e/support/host';
import { startNpm, type Child } from './procs';

/** Seeding the huge tier takes minutes on this machine. */
const SEED_TIMEOUT = 15 * 60_000;

/**
 * Runs `run` against the browser host over a fresh reference platform seeded with `tier`, in
 * Debian's Chromium, then stops all three and removes their data dirs whatever happened. The
 * renderer benches measure screens, so the platform is unthrottled (`--rate 0`).
 */
export const withWebOnTier = async (
  name: string,
  tier: string,
  run: (browser: Browser, webUrl: string) => Promise<void>,
): Promise<void> => {
  const platformDir = mkdtempSync(path.join(os.tmpdir(), `roster-bench-${name}-${tier}-`));
  const webDir = mkdtempSync(path.join(os.tmpdir(), `roster-bench-${name}-web-`));
  let platform: Child | undefined;
  let web: Child | undefined;
  let browser: Browser | undefined;
  try {
    const t0 = performance.now();
    platform = await startNpm('platform', ['--data', platformDir, '--port', String(await freePort()), '--seed', tier, '--rate', '0', '--admin-user', 'bench@roster.example', '--admin-token', 'bench-token'], 'ROSTER_PLATFORM', SEED_TIMEOUT);
    process.stderr.write(`${name} bench: ${tier} platform ready in ${Math.round((performance.now() - t0) / 1000)} s\n`);
    const { url, user, token } = platform.fields;
    web = await startNpm('web', ['--port', String(await freePort()), '--data', webDir, '--platform', url!, '--user', user!, `--token=${token!}`], 'ROSTER_WEB', 120_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    await run(browser, web.fields.url!);
  } finally {
    await browser?.close().catch(() => undefined);
    await web?.stop();
    await platform?.stop();
    rmSync(platformDir, { recursive: true, force: true });
    rmSync(webDir, { recursive: true, force: true });
  }
};

/** First full refresh finished: the badge reads Online (set only when a refresh lands) and the refresh button is enabled again. */
export const refreshDone = (page: Page, timeout: number) =>
  page.waitForFunction(
    () => {
      const state = document.querySelector('[data-testid="connection-state"]')?.textContent;
      const button = document.querySelector<HTMLButtonElement>('button[aria-label="Refresh from the platform"]');
      return state === 'Online' && button !== null && !button.disabled;
    },
    undefined,
    { timeout, polling: 100 },
  );
