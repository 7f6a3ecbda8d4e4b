import { expect, test, type Page } from '@playwright/test';
import { startPlatformProcess, startWebHost, stopAll, STARTS_TIMEOUT, type PlatformOptions, type PlatformProcess, type WebProcess } from './host';

export interface SpecSession {
  platform: PlatformProcess;
  web: WebProcess;
  page: Page;
}

/**
 * One reference platform (unthrottled), one browser host and one page for a whole spec, run
 * serially: a tier is pulled into the page's cache once, not once per test. The fields are set
 * by the spec's beforeAll, so read them inside tests only.
 */
export const specSession = (seed: string, onlineTimeout = 30_000): SpecSession => {
  const s = {} as Partial<SpecSession>;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(STARTS_TIMEOUT);
    s.platform = await startPlatformProcess({ seed, extraArgs: ['--rate', '0'] });
    s.web = await startWebHost({ platform: s.platform });
    s.page = await browser.newPage();
    await s.page.goto(s.web.url);
    await expect(s.page.getByTestId('connection-state')).toHaveText('Online', { timeout: onlineTimeout });
  });
  test.afterAll(async () => {
    await s.page?.close();
    await stopAll(s.web, s.platform);
  });
  return s as SpecSession;
};

export interface SpecHosts {
  platform: PlatformProcess;
  web: WebProcess;
}

/**
 * One reference platform (default options unless given) and one browser host for a whole spec,
 * run serially; each test opens its own page (Playwright's page fixture), so every test starts
 * from a fresh page. The fields are set by the spec's beforeAll, so read them inside tests only.
 */
export const specHosts = (platform: PlatformOptions = {}): SpecHosts => {
  const s = {} as Partial<SpecHosts>;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(STARTS_TIMEOUT);
    s.platform = await startPlatformProcess(platform);
    s.web = await startWebHost({ platform: s.platform });
  });
  test.afterAll(async () => stopAll(s.web, s.platform));
  return s as SpecHosts;
};
