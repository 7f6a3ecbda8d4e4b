import { expect, test } from '@playwright/test';
import { startWebHost, stopAll, type WebProcess } from './support/host';
import { axe, nav, shot } from './support/screens';

/**
 * R1 in a browser: `npm run web -- --seed single` runs the embedded platform with seed 002's
 * primary as a single account (account groups off, no group at all). The Groups screen says what
 * that means and what to do, and its group actions are disabled with that reason.
 */

let web: WebProcess | undefined;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  web = await startWebHost({ seed: 'single' });
});
test.afterAll(async () => stopAll(web));

test('R1: a single account is told groups need a primary account and how to get the feature; Create is disabled with that reason', async ({ page }) => {
  await page.goto(web!.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online', { timeout: 30_000 });
  await nav(page, 'Groups');
  const guidance = page.getByTestId('groups-unavailable');
  await expect(guidance).toContainText('Account groups need a primary account', { timeout: 30_000 });
  await expect(guidance).toContainText('Documentation is a single account: account groups are neither available nor needed for it');
  await expect(guidance).toContainText('contact Boomi');
  await expect(page.getByRole('list', { name: 'Account groups' }).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('No account groups: see why on the right.')).toBeVisible();

  // Every group action is disabled, and says why to a screen reader as well.
  const create = page.getByRole('button', { name: 'Create', exact: true });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAccessibleDescription(/^Account groups need a primary account/);
  await shot(page, 'single-account-r1-groups');
  await axe(page, 'Groups (single account, R1)');

  // The rest of the console still works on the one account: its users reach it directly (R6).
  await nav(page, 'Access explorer');
  const box = page.getByRole('combobox', { name: 'User' });
  await box.click();
  await box.fill('servuser1');
  await page.getByRole('option', { name: /ServUser1@boomi\.com/ }).click();
  const reach = page.getByRole('grid', { name: 'Accounts ServUser1@boomi.com reaches' });
  await expect(reach.getByRole('row').filter({ hasText: 'Documentation' })).toContainText('Direct (User Management)');
  await shot(page, 'single-account-explorer');
});
