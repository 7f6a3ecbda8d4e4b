import { expect, test, type Page } from '@playwright/test';
import { startPlatformProcess, startWebHost, stopAll, type PlatformProcess, type WebProcess } from './host';

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
