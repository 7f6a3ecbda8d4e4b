import { expect, test } from '@playwright/test';
import { startPlatformProcess, startWebHost, stopAll, STARTS_TIMEOUT, type PlatformProcess, type WebProcess } from './support/host';
import { expectNoSeriousA11yViolations } from './a11y';
import { settle, shot } from './support/screens';

/**
 * Settings: the embedded platform by default; a real platform by URL + user + API token
 * (sent to main with connection.set, never kept by the page), clear validation errors, and the
 * online / offline state.
 */

let platform: PlatformProcess | undefined;
let web: WebProcess | undefined;

test.afterAll(async () => stopAll(web, platform));

const apiUrl = (p: PlatformProcess) => (/\/api\/rest\/v1\//.test(p.url) ? p.url : `${p.url.replace(/\/$/, '')}/api/rest/v1/${p.accountId}`);

test('connection: embedded by default; validation errors; a real platform by URL, user and token; offline when it stops, with no stale "Connected to"', async ({ page }) => {
  // This test starts its own platform and host: their starts count in its time.
  test.setTimeout(STARTS_TIMEOUT);
  [platform, web] = await Promise.all([startPlatformProcess(), startWebHost()]);
  await page.goto(web.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('settings-current')).toContainText('Embedded platform http://127.0.0.1:');
  await expect(page.getByTestId('settings-online')).toHaveText('Online');
  await expect(page.getByRole('radio', { name: 'Embedded reference platform (default)' })).toBeChecked();
  // The embedded platform's data is the worked example, not the admin's: the header says so.
  await expect(page.getByRole('banner').getByTestId('sample-data')).toHaveText('Sample data — connect your platform');
  await shot(page, 'settings-embedded');
  await settle(page);
  await expectNoSeriousA11yViolations(page, 'settings');

  // Clear validation errors, one per field, and nothing sent.
  await page.getByRole('radio', { name: /A real platform/ }).check();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText('Enter the user name (the e-mail you sign in with).')).toBeVisible();
  await expect(page.getByText('Enter the API token.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Platform URL' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Platform URL' }).fill(platform.url.replace(/\/api\/rest\/v1\/.*$/, ''));
  await page.getByRole('textbox', { name: 'User' }).fill(platform.user);
  await page.getByRole('textbox', { name: 'API token' }).fill(platform.token);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText('The URL must name the account: https://<host>/api/rest/v1/<accountId>.')).toBeVisible();
  await shot(page, 'settings-validation');
  await settle(page);
  await expectNoSeriousA11yViolations(page, 'settings (validation errors)');

  // A wrong token: tried before it replaces anything; the platform's refusal is shown and the
  // embedded connection stays (nothing saved, still online).
  await page.getByRole('textbox', { name: 'Platform URL' }).fill(apiUrl(platform));
  await page.getByRole('textbox', { name: 'API token' }).fill('not-the-token');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connect-result')).toContainText('HTTP 401');
  await expect(page.getByTestId('connect-result')).toContainText('the previous connection is kept');
  await expect(page.getByTestId('settings-current')).toContainText('Embedded platform http://127.0.0.1:');
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await shot(page, 'settings-wrong-token');

  // The real platform: main keeps the token; the page forgets it.
  await page.getByRole('textbox', { name: 'API token' }).fill(platform.token);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connect-result')).toContainText(`Connected to ${apiUrl(platform)}`);
  await expect(page.getByRole('textbox', { name: 'API token' })).toHaveValue('');
  await expect(page.getByTestId('settings-current')).toContainText(`Platform ${apiUrl(platform)} as ${platform.user}`);
  await expect(page.getByRole('banner')).toContainText(`Platform · ${apiUrl(platform)}`);
  await expect(page.getByTestId('sample-data')).toHaveCount(0);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(platform.token);
  await shot(page, 'settings-remote-connected');

  // Offline: the platform goes away; a refresh says so and the cache stays on screen.
  await platform.stop();
  await page.getByRole('button', { name: 'Refresh from the platform' }).click();
  await expect(page.getByTestId('connection-state')).toHaveText('Offline');
  await expect(page.getByTestId('settings-online')).toHaveText('Offline');
  // The header gives the platform's error whole (a click opens it), when it tries again, and a Retry.
  const error = page.getByRole('banner').getByTestId('connection-error');
  await expect(error).toBeVisible();
  const message = (await error.getAttribute('title'))!;
  expect(message).not.toBe('');
  await error.click();
  await expect(page.getByTestId('connection-error-full')).toHaveText(message);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('connection-error-full')).toBeHidden();
  await expect(page.getByRole('banner').getByTestId('retry-countdown')).toHaveText(/^retrying in \d+ s$/);
  const retry = page.getByRole('banner').getByRole('button', { name: 'Retry' });
  await expect(retry).toBeEnabled();
  await retry.click();
  await expect(page.getByTestId('connection-state')).toHaveText('Offline');
  await expect(retry).toBeEnabled();
  // What Settings says is true now: the green "Connected to …" of the earlier Connect is gone
  // once the platform stops, and the live state is shown as the header has it — offline, the
  // platform's error whole, when the app tries again, and a Retry that tries now.
  await expect(page.getByTestId('connect-result')).toHaveCount(0);
  await expect(page.getByText(`Connected to ${apiUrl(platform)}`)).toHaveCount(0);
  const current = page.getByRole('region', { name: 'Current connection' });
  const problem = current.getByTestId('settings-connection-problem');
  await expect(problem).toContainText('Offline — showing cached data');
  await expect(problem.getByTestId('settings-connection-reason')).toHaveText((await error.getAttribute('title'))!);
  await expect(problem.getByTestId('settings-retry-countdown')).toHaveText(/^Trying again (in \d+ s\.|now…)$/);
  await problem.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('connection-state')).toHaveText('Offline');
  await expect(current.getByTestId('settings-online')).toHaveText('Offline');
  await expect(problem.getByRole('button', { name: 'Retry' })).toBeEnabled();
  await expect(page.getByTestId('connect-result')).toHaveCount(0);
  await shot(page, 'settings-offline');
  await settle(page);
  await expectNoSeriousA11yViolations(page, 'settings (offline)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'settings-offline-dark');
  await expectNoSeriousA11yViolations(page, 'settings (offline, dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // Back to the embedded platform.
  await page.getByRole('radio', { name: 'Embedded reference platform (default)' }).check();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connect-result')).toContainText('Connected to http://127.0.0.1:');
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await expect(page.getByTestId('settings-current')).toContainText('Embedded platform');
});
