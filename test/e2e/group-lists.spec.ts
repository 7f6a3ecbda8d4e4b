import { expect, test, type Browser, type Page } from '@playwright/test';
import { startPlatformProcess, startWebHost, stopAll, type PlatformProcess, type WebProcess } from './support/host';
import { axe, shot } from './support/screens';

/**
 * Issue 6: the group side lists are virtualised (only the groups in view are drawn) and stay
 * keyboard-usable, accessible and valid drop targets. The partner tier has 21 groups: more than
 * fit the 900 px window, so some are not drawn until scrolled to.
 */

let platform: PlatformProcess | undefined;
let web: WebProcess | undefined;
let page: Page;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }: { browser: Browser }) => {
  platform = await startPlatformProcess({ seed: 'partner', extraArgs: ['--rate', '0'] });
  web = await startWebHost({ platform });
  page = await browser.newPage();
  await page.goto(web.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online', { timeout: 60_000 });
});
test.afterAll(async () => {
  await page?.close();
  await stopAll(web, platform);
});

const groupList = () => page.getByRole('list', { name: 'Account groups' });
const focusedGroup = () => page.locator('[data-testid^="group-item-"]:focus');
const nameOf = async (item: ReturnType<Page['locator']>) => ((await item.getAttribute('data-testid')) ?? '').replace('group-item-', '');

test('Groups: only the groups in view are drawn; End, Home and the arrows move through all of them', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Groups' }).click();
  await expect(page.getByTestId('group-item-All Accounts')).toBeVisible({ timeout: 45_000 });
  const drawn = await groupList().getByRole('listitem').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(21);

  // One tab stop: the open group; from the search box Tab lands on it.
  await page.getByRole('textbox', { name: 'Search groups' }).focus();
  await page.keyboard.press('Tab');
  await expect(focusedGroup()).toHaveAttribute('data-testid', 'group-item-All Accounts');
  await page.keyboard.press('End');
  const last = await nameOf(focusedGroup());
  expect(last).not.toBe('All Accounts');
  await expect(page.getByTestId(`group-item-${last}`)).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: last })).toBeVisible();
  await expect(page.getByTestId(`group-item-${last}`)).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Home');
  await expect(focusedGroup()).toHaveAttribute('data-testid', 'group-item-All Accounts');
  await page.keyboard.press('ArrowDown');
  await expect(focusedGroup()).not.toHaveAttribute('data-testid', 'group-item-All Accounts');
  await axe(page, 'groups (virtualised list)');
});

test('Groups: a group drawn only after scrolling the list takes a mouse drop of accounts', async () => {
  await page.getByTestId('group-item-All Accounts').click();
  const grid = page.getByRole('grid', { name: 'Accounts in All Accounts' });
  const source = grid.getByRole('row').nth(1);
  await expect(source).toBeVisible();
  // Scroll the side list to its end with the wheel, as an admin would before dragging.
  const first = (await page.getByTestId('group-item-All Accounts').boundingBox())!;
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  await page.mouse.wheel(0, 5_000);
  const items = page.locator('[data-testid^="group-item-"]');
  const target = items.last();
  await expect(target).toBeInViewport();
  const name = await nameOf(target);

  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + 40, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 50, a.y + a.height / 2 + 8, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await expect(page.getByTestId('drag-overlay')).toHaveText('1 account');
  await shot(page, 'group-list-virtual-drag');
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: /^Preview:/ });
  await expect(dialog).toContainText(name);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('Resources: the drop list draws all 21 groups on scrolling (no cap), and the search still narrows it', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Resources' }).click();
  const list = page.getByRole('list', { name: 'Groups to share with' });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 45_000 });
  expect(await list.getByRole('listitem').count()).toBeLessThan(21);
  const region = page.getByRole('region', { name: 'Group list' });
  await region.focus();
  await page.keyboard.press('End');
  const last = page.locator('[data-testid^="share-target-"]').last();
  await expect(last).toBeInViewport();
  const name = ((await last.getAttribute('data-testid')) ?? '').replace('share-target-', '');
  await page.getByRole('textbox', { name: 'Search groups' }).fill(name);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId(`share-target-${name}`)).toBeVisible();
  await axe(page, 'resources (virtualised drop list)');
  await page.getByRole('textbox', { name: 'Search groups' }).fill('');
});
