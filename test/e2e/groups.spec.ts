import { expect, test, type Page } from '@playwright/test';
import { startPlatformProcess, startWebHost, stopAll, STARTS_TIMEOUT, type PlatformProcess, type WebProcess } from './support/host';

/**
 * the browser host on a standalone reference platform shows seed 002's groups and
 * memberships; with the platform stopped, a reload shows the same data from the Dexie cache,
 * marked offline.
 */

const SHOTS = 'test-results';
let platform: PlatformProcess | undefined;
let web: WebProcess | undefined;

test.afterAll(async () => stopAll(web, platform));

const openGroup = async (page: Page, name: string) => {
  await page.getByTestId(`group-item-${name}`).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
};

const accountNames = (page: Page, group: string) =>
  page.getByRole('grid', { name: `Accounts in ${group}` }).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });

const expectAccounts = async (page: Page, group: string, names: string[]) => {
  await openGroup(page, group);
  await page.getByRole('tab', { name: 'Accounts' }).click();
  const rows = accountNames(page, group);
  await expect(rows).toHaveCount(names.length);
  for (const n of names) await expect(rows.filter({ hasText: n })).toHaveCount(1);
};

const expectUsers = async (page: Page, group: string, users: [string, string][]) => {
  await openGroup(page, group);
  await page.getByRole('tab', { name: 'Users in Group' }).click();
  const grid = page.getByRole('grid', { name: `Users in ${group}` });
  const rows = grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(users.length);
  for (const [user, role] of users) await expect(rows.filter({ hasText: user })).toContainText(role);
};

/** Seed 002 (RULES.md, "The worked example"), checked through the screens. */
const checkSeed002 = async (page: Page, shotPrefix: string) => {
  const list = page.getByRole('list', { name: 'Account groups' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('group-item-All Accounts')).toContainText('Default');
  await expect(page.getByTestId('group-item-All Accounts')).toContainText('4 accounts · 4 users');
  await expect(page.getByTestId('group-item-Services 1')).toContainText('2 accounts · 2 users');
  await expect(page.getByTestId('group-item-Services 2')).toContainText('2 accounts · 2 users');

  await expectAccounts(page, 'Services 1', ['Doc ABC Company', 'Doc DEF Company']);
  await page.screenshot({ path: `${SHOTS}/${shotPrefix}-services1-accounts.png` });
  await expectUsers(page, 'Services 1', [['ServUser1@boomi.com', 'Standard User'], ['ServUser2@boomi.com', 'Standard User']]);
  await page.screenshot({ path: `${SHOTS}/${shotPrefix}-services1-users.png` });
  await expectAccounts(page, 'Services 2', ['Doc GHI Company', 'Doc JKL Company']);
  await expectUsers(page, 'Services 2', [['ServUser3@boomi.com', 'Standard User'], ['ServUser4@boomi.com', 'Standard User']]);
  await expectAccounts(page, 'All Accounts', ['Doc ABC Company', 'Doc DEF Company', 'Doc GHI Company', 'Doc JKL Company']);
  await page.screenshot({ path: `${SHOTS}/${shotPrefix}-all-accounts.png` });
  await expectUsers(page, 'All Accounts', [
    ['ServUser1@boomi.com', 'Support'],
    ['ServUser2@boomi.com', 'Support'],
    ['ServUser3@boomi.com', 'Support'],
    ['ServUser4@boomi.com', 'Production Support'],
  ]);
  await page.screenshot({ path: `${SHOTS}/${shotPrefix}-all-accounts-users.png` });
};

test('R3 + seed 002: groups and memberships shown online, then from the cache offline', async ({ page }) => {
  // This test starts its own platform and host: their starts count in its time.
  test.setTimeout(STARTS_TIMEOUT);
  platform = await startPlatformProcess();
  web = await startWebHost({ platform });
  await page.goto(web.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await expect(page.getByRole('banner')).toContainText(platform.url.replace(/\/$/, '').slice(0, 20));
  await checkSeed002(page, 'groups-online');

  await platform.stop();
  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('Offline');
  await expect(page.getByRole('banner')).toContainText('showing cached data');
  await checkSeed002(page, 'groups-offline');

  await page.getByRole('button', { name: 'Sync' }).click();
  await expect(page.getByRole('main')).toContainText('Offline: the platform cannot be reached');
  await page.screenshot({ path: `${SHOTS}/groups-offline-sync.png` });
});
