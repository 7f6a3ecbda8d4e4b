import { expect, test, type Locator, type Page } from '@playwright/test';
import { platformQuery } from './support/host';
import { specHosts } from './support/session';
import { expectNoSeriousA11yViolations } from './a11y';
import { enterOn, pointerDrag } from './support/screens';

/**
 * Groups area: multi-select accounts, drop them on a group with a real mouse drag and
 * with the keyboard alternative, preview the plan with its access diff, apply it to the outbox
 * and see it pending; create and rename groups with R3's refusals explained; axe on each screen.
 */

const SHOTS = 'test-results';
const hosts = specHosts();

const SERVICES_1 = '5e7c1ce1-0000-4000-8000-000000000002';
const SERVICES_2 = '5e7c1ce2-0000-4000-8000-000000000003';

/** The group's account ids on the platform itself, sorted (a duplicate would show twice). */
const accountsOnPlatform = async (groupId: string) =>
  (await platformQuery<{ accountGroupId: string; accountId: string }>(hosts.platform, 'AccountGroupAccount'))
    .filter((l) => l.accountGroupId === groupId)
    .map((l) => l.accountId)
    .sort();
const groupNamesOnPlatform = async () => (await platformQuery<{ name: string }>(hosts.platform, 'AccountGroup')).map((g) => g.name).sort();

const open = async (page: Page) => {
  await page.goto(hosts.web.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
};

const openGroup = async (page: Page, name: string) => {
  await page.getByTestId(`group-item-${name}`).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await page.getByRole('tab', { name: 'Accounts' }).click();
};

const row = (page: Page, group: string, account: string): Locator =>
  page.getByRole('grid', { name: `Accounts in ${group}` }).getByRole('row').filter({ hasText: account });

test('R8 preview: mouse-drag two selected accounts onto Services 1, apply, see them on the platform', async ({ page }) => {
  await open(page);
  await openGroup(page, 'All Accounts');
  await expect(row(page, 'All Accounts', 'Doc ABC Company')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'group page');
  await row(page, 'All Accounts', 'Doc GHI Company').click();
  await row(page, 'All Accounts', 'Doc JKL Company').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');

  await pointerDrag(page, row(page, 'All Accounts', 'Doc GHI Company'), page.getByTestId('group-item-Services 1'));
  await expect(page.getByTestId('drag-overlay')).toHaveText('2 accounts → Services 1');
  await page.screenshot({ path: `${SHOTS}/dnd-dragging.png` });
  await page.mouse.up();

  const dialog = page.getByRole('dialog', { name: /Preview: Add 2 accounts to Services 1/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('plan-ops')).toHaveText('Add 2 accounts to “Services 1”: Doc GHI Company, Doc JKL Company.');
  // R7/R8: Services 1's users gain Standard User on the new accounts (they already had Support via All Accounts).
  const gains = dialog.getByTestId('gains');
  await expect(gains).toContainText('Gains (4)');
  await expect(gains.getByRole('row', { name: 'Serv User1 (ServUser1@boomi.com) on Doc GHI Company: Standard User' })).toBeVisible();
  await expect(gains.getByRole('row', { name: 'Serv User2 (ServUser2@boomi.com) on Doc JKL Company: Standard User' })).toBeVisible();
  await expect(dialog.getByTestId('lockouts')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/dnd-preview.png` });
  await expectNoSeriousA11yViolations(page, 'plan preview');
  await dialog.getByRole('button', { name: /Apply/ }).click();
  await expect(dialog).toBeHidden();

  // Queued, then pushed by main and pulled back: the accounts become plain members of Services 1.
  await expect(page.getByTestId('group-item-Services 1')).toContainText('4 accounts · 2 users', { timeout: 30_000 });
  await expect(page.getByTestId('group-item-Services 1')).not.toContainText('pending');
  await openGroup(page, 'Services 1');
  await expect(row(page, 'Services 1', 'Doc GHI Company')).not.toContainText('Pending');
  await expect(row(page, 'Services 1', 'Doc JKL Company')).not.toContainText('Pending');
  await expect(row(page, 'Services 1', 'Doc ABC Company')).not.toContainText('Pending');
  // On the platform, each account is linked exactly once.
  expect(await accountsOnPlatform(SERVICES_1)).toEqual(['docabc-4HX8PL', 'docdef-9RT3KW', 'docghi-2MV6QS', 'docjkl-8ZB5NC'].sort());
  await page.screenshot({ path: `${SHOTS}/dnd-applied.png` });
});

test('R3: dragging accounts onto All Accounts is refused with the reason', async ({ page }) => {
  await open(page);
  await openGroup(page, 'Services 2');
  await row(page, 'Services 2', 'Doc GHI Company').click();
  await pointerDrag(page, row(page, 'Services 2', 'Doc GHI Company'), page.getByTestId('group-item-All Accounts'));
  await page.mouse.up();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('already holds every account the primary account manages');
  await expect(dialog.getByRole('button', { name: /Apply/ })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/dnd-refused-r3.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('R7 users: drag ServUser3 onto Services 1, pick Standard User, preview the gains', async ({ page }) => {
  await open(page);
  // The first test's drop has landed: Services 1 holds all four accounts, so ServUser3 (Services 2:
  // GHI and JKL) gains Standard User on ABC and DEF by joining it.
  await openGroup(page, 'Services 2');
  await page.getByRole('tab', { name: 'Users in Group' }).click();
  const user = page.getByRole('grid', { name: 'Users in Services 2' }).getByRole('row').filter({ hasText: 'ServUser3@boomi.com' });
  await user.click();
  await expect(page.getByTestId('user-selection-count')).toHaveText('1 selected');
  await pointerDrag(page, user, page.getByTestId('group-item-Services 1'));
  await expect(page.getByTestId('drag-overlay')).toHaveText('1 user → Services 1');
  await page.mouse.up();

  const roles = page.getByRole('dialog', { name: 'Roles for 1 user in Services 1' });
  await expect(roles.getByRole('button', { name: 'Preview' })).toBeDisabled();
  await roles.getByLabel('Standard User').check();
  await expect(roles.getByRole('button', { name: 'Preview' })).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/users-role-pick.png` });
  await roles.getByRole('button', { name: 'Preview' }).click();

  const dialog = page.getByRole('dialog', { name: /Preview: Add 1 user to Services 1/ });
  await expect(dialog.getByTestId('plan-ops')).toHaveText('Give Serv User3 (ServUser3@boomi.com) the role Standard User in “Services 1”.');
  await expect(dialog.getByTestId('gains').getByRole('row', { name: 'Serv User3 (ServUser3@boomi.com) on Doc ABC Company: Standard User' })).toBeVisible();
  await expect(dialog.getByTestId('gains').getByRole('row', { name: 'Serv User3 (ServUser3@boomi.com) on Doc DEF Company: Standard User' })).toBeVisible();
  await expect(dialog.getByTestId('gains')).not.toContainText('Doc GHI Company');
  // Every user of seed 002 has signed in: no never-signed-in warning (it would be false here).
  await expect(dialog.getByRole('region', { name: 'Users who have never signed in' })).toHaveCount(0);
  // The reference platform's default profile e-mails nobody (only the vendor's API does by default):
  // the preview neither counts e-mails nor offers to send them (vendor.spec.ts shows the other side).
  await expect(dialog.getByRole('region', { name: 'Notification e-mails' })).toHaveCount(0);
  await expect(dialog).not.toContainText('notification e-mail');
  await page.screenshot({ path: `${SHOTS}/users-preview.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('keyboard alternative: select with arrows and Space, then "Add to group…", type, Enter → Services 2', async ({ page }) => {
  await open(page);
  await openGroup(page, 'All Accounts');
  const grid = page.getByRole('grid', { name: 'Accounts in All Accounts' });
  await grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Space'); // Doc ABC Company
  await page.keyboard.press('Shift+ArrowDown'); // extends to Doc DEF Company
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  await expect(row(page, 'All Accounts', 'Doc ABC Company')).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 'All Accounts', 'Doc DEF Company')).toHaveAttribute('aria-selected', 'true');

  await enterOn(page, page.getByRole('button', { name: 'Add to group…' }));
  const picker = page.getByRole('dialog', { name: 'Add 2 accounts to a group' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('combobox', { name: 'Group' })).toBeFocused();
  await page.keyboard.type('Services 2');
  await expect(page.getByRole('option', { name: /Services 2/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/keyboard-picker.png` });
  await expectNoSeriousA11yViolations(page, 'add-to-group picker');
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: /Add 2 accounts to Services 2/ });
  await expect(dialog.getByTestId('plan-ops')).toHaveText('Add 2 accounts to “Services 2”: Doc ABC Company, Doc DEF Company.');
  await expect(dialog.getByTestId('gains').getByRole('row', { name: 'Serv User3 (ServUser3@boomi.com) on Doc ABC Company: Standard User' })).toBeVisible();
  await enterOn(page, dialog.getByRole('button', { name: /Apply/ }));
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('group-item-Services 2')).toContainText('4 accounts · 2 users', { timeout: 30_000 });
  await expect(page.getByTestId('group-item-Services 2')).not.toContainText('pending');
  expect(await accountsOnPlatform(SERVICES_2)).toHaveLength(4);
  expect(new Set(await accountsOnPlatform(SERVICES_2)).size).toBe(4);
});

test('select all filtered, ctrl-click to deselect: accounts already in the target are not re-added', async ({ page }) => {
  await open(page);
  await openGroup(page, 'All Accounts');
  await page.getByLabel('Search accounts').fill('Doc');
  await page.getByRole('button', { name: 'Select all 4 shown' }).click();
  await row(page, 'All Accounts', 'Doc JKL Company').click({ modifiers: ['ControlOrMeta'] });
  await row(page, 'All Accounts', 'Doc GHI Company').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  await page.getByRole('button', { name: 'Add to group…' }).click();
  await page.getByRole('combobox', { name: 'Group' }).fill('Services 1');
  await page.getByRole('option', { name: /Services 1/ }).click();
  const dialog = page.getByRole('dialog', { name: /Add 2 accounts to Services 1/ });
  // ABC and DEF are Services 1 members in seed 002: the drop changes nothing and is not queued.
  await expect(dialog).toContainText('Nothing to add: all 2 accounts are already in Services 1');
  await expect(dialog.getByRole('button', { name: /Apply/ })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/select-all-nothing-to-add.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('R8/R13 remove from group: the preview shows who loses what, and that no one is locked out', async ({ page }) => {
  await open(page);
  await openGroup(page, 'All Accounts');
  await row(page, 'All Accounts', 'Doc ABC Company').click();
  await expect(page.getByRole('button', { name: 'Remove from group' })).toBeDisabled();
  await openGroup(page, 'Services 1');
  await row(page, 'Services 1', 'Doc ABC Company').click();
  await page.getByRole('button', { name: 'Remove from group' }).click();
  const dialog = page.getByRole('dialog', { name: /Remove 1 account from Services 1/ });
  await expect(dialog.getByTestId('plan-ops')).toHaveText('Remove 1 account from “Services 1”: Doc ABC Company.');
  // They lose Standard User on ABC but keep Support through All Accounts (R8): nobody is locked out.
  await expect(dialog.getByTestId('losses').getByRole('row', { name: 'Serv User1 (ServUser1@boomi.com) on Doc ABC Company: Standard User' })).toBeVisible();
  await expect(dialog.getByTestId('lockouts')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/remove-preview.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('R3 + create and rename: refusals explained, changes queued and applied', async ({ page }) => {
  await open(page);
  await openGroup(page, 'All Accounts');
  await expect(page.getByRole('button', { name: 'Rename' })).toBeDisabled();
  await expect(page.getByRole('main')).toContainText('"All Accounts" is the default group and cannot be renamed.');

  await page.getByRole('button', { name: 'Create' }).click();
  const create = page.getByRole('dialog', { name: 'Create account group' });
  await create.getByLabel('Group name').fill('services 1');
  await expect(create).toContainText('A group named "Services 1" already exists');
  await expect(create.getByRole('button', { name: 'Queue creation' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/create-duplicate.png` });
  await expectNoSeriousA11yViolations(page, 'create group dialog');
  await create.getByLabel('Group name').fill('Services 3');
  await create.getByRole('button', { name: 'Queue creation' }).click();
  await expect(create).toBeHidden();
  await expect(page.getByTestId('group-item-Services 3')).toBeVisible({ timeout: 30_000 });

  await openGroup(page, 'Services 2');
  await page.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: /Rename/ });
  await rename.getByLabel('Group name').fill('Services North');
  await rename.getByRole('button', { name: 'Queue rename' }).click();
  await expect(page.getByTestId('group-item-Services North')).toBeVisible({ timeout: 30_000 });
  // Landed: confirmed by the next pull (no pending mark) and on the platform exactly once.
  await expect(page.getByTestId('group-item-Services 3')).not.toContainText('Pending', { timeout: 30_000 });
  await expect.poll(groupNamesOnPlatform, { timeout: 30_000 }).toEqual(['All Accounts', 'Services 1', 'Services 3', 'Services North']);
  await page.screenshot({ path: `${SHOTS}/create-rename-done.png` });
});

test('accessibility: no serious axe violations on every area', async ({ page }) => {
  await open(page);
  for (const area of ['Groups', 'Resources', 'Partner access', 'Access explorer', 'Sync', 'Settings']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: area }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, area);
  }
  await page.getByRole('button', { name: 'Groups' }).click();
  await page.getByRole('tab', { name: 'Users in Group' }).click();
  await expectNoSeriousA11yViolations(page, 'users in group');
  await page.getByRole('tab', { name: 'Resources' }).click();
  await expectNoSeriousA11yViolations(page, 'group resources');
});

test('dark scheme follows the OS, and stays accessible', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g)!.map(Number);
  expect(r! + g! + b!, `body background ${bg} should be dark`).toBeLessThan(150);
  await openGroup(page, 'Services 1');
  await page.screenshot({ path: `${SHOTS}/dark-services1.png` });
  await expectNoSeriousA11yViolations(page, 'group page (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(bg);
});

test('offline: a new group, a drop onto it and a role given to a user are queued and shown as pending (across a reload)', async ({ page }) => {
  await open(page);
  await hosts.platform.stop();
  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('Offline');
  await page.getByRole('button', { name: 'Create' }).click();
  const create = page.getByRole('dialog', { name: 'Create account group' });
  await create.getByLabel('Group name').fill('Services Offline');
  await create.getByRole('button', { name: 'Queue creation' }).click();
  await expect(page.getByTestId('group-item-Services Offline')).toContainText('Pending creation');

  await openGroup(page, 'All Accounts');
  await row(page, 'All Accounts', 'Doc ABC Company').click();
  await pointerDrag(page, row(page, 'All Accounts', 'Doc ABC Company'), page.getByTestId('group-item-Services Offline'));
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: /Add 1 account to Services Offline/ });
  await dialog.getByRole('button', { name: /Apply/ }).click();
  await expect(page.getByTestId('group-item-Services Offline')).toContainText('+1 pending');
  await openGroup(page, 'Services Offline');
  await expect(row(page, 'Services Offline', 'Doc ABC Company')).toContainText('Pending add');
  await page.screenshot({ path: `${SHOTS}/offline-pending.png` });
  await page.reload();
  await expect(page.getByTestId('group-item-Services Offline')).toContainText('+1 pending');

  // Every kind of queued op shows where it applies: a role given offline is in Users in Group, pending.
  // (ServUser3 is in Services 2, renamed Services North by an earlier test.)
  await openGroup(page, 'Services North');
  await page.getByRole('tab', { name: 'Users in Group' }).click();
  const user = page.getByRole('grid', { name: 'Users in Services North' }).getByRole('row').filter({ hasText: 'ServUser3@boomi.com' });
  await user.click();
  await pointerDrag(page, user, page.getByTestId('group-item-Services 1'));
  await page.mouse.up();
  const roles = page.getByRole('dialog', { name: 'Roles for 1 user in Services 1' });
  await roles.getByLabel('Standard User').check();
  await roles.getByRole('button', { name: 'Preview' }).click();
  const give = page.getByRole('dialog', { name: /Preview: Add 1 user to Services 1/ });
  await give.getByRole('button', { name: /Apply/ }).click();
  await expect(give).toBeHidden();
  await openGroup(page, 'Services 1');
  await page.getByRole('tab', { name: 'Users in Group' }).click();
  const queued = page.getByRole('grid', { name: 'Users in Services 1' }).getByRole('row').filter({ hasText: 'ServUser3@boomi.com' });
  await expect(queued).toContainText('Standard User · pending');
});
