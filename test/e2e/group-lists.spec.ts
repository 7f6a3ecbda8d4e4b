import { expect, test, type Page } from '@playwright/test';
import { specSession } from './support/session';
import { axe, shot, pointerDrag } from './support/screens';

/**
 * Issue 6: the group side lists are virtualised (only the groups in view are drawn) and stay
 * keyboard-usable, accessible and valid drop targets. The partner tier has 21 groups: more than
 * fit the 900 px window, so some are not drawn until scrolled to.
 */

const session = specSession('partner', 60_000);

const groupList = () => session.page.getByRole('list', { name: 'Account groups' });
const focusedGroup = () => session.page.locator('[data-testid^="group-item-"]:focus');
const nameOf = async (item: ReturnType<Page['locator']>) => ((await item.getAttribute('data-testid')) ?? '').replace('group-item-', '');

test('Groups: only the groups in view are drawn; End, Home and the arrows move through all of them', async () => {
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Groups' }).click();
  await expect(session.page.getByTestId('group-item-All Accounts')).toBeVisible({ timeout: 45_000 });
  const drawn = await groupList().getByRole('listitem').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(21);

  // One tab stop: the open group; from the search box Tab lands on it.
  // Retried as a whole: a refresh still drawing the toolbar can take the one Tab press.
  await expect(async () => {
    await session.page.getByRole('textbox', { name: 'Search groups' }).focus();
    await session.page.keyboard.press('Tab');
    await expect(focusedGroup()).toHaveAttribute('data-testid', 'group-item-All Accounts', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await session.page.keyboard.press('End');
  const last = await nameOf(focusedGroup());
  expect(last).not.toBe('All Accounts');
  await expect(session.page.getByTestId(`group-item-${last}`)).toBeInViewport();
  await session.page.keyboard.press('Enter');
  await expect(session.page.getByRole('heading', { level: 2, name: last })).toBeVisible();
  await expect(session.page.getByTestId(`group-item-${last}`)).toHaveAttribute('aria-current', 'page');
  await session.page.keyboard.press('Home');
  await expect(focusedGroup()).toHaveAttribute('data-testid', 'group-item-All Accounts');
  await session.page.keyboard.press('ArrowDown');
  await expect(focusedGroup()).not.toHaveAttribute('data-testid', 'group-item-All Accounts');
  await axe(session.page, 'groups (virtualised list)');
});

test('Groups: a group drawn only after scrolling the list takes a mouse drop of accounts', async () => {
  await session.page.getByTestId('group-item-All Accounts').click();
  const grid = session.page.getByRole('grid', { name: 'Accounts in All Accounts' });
  const source = grid.getByRole('row').nth(1);
  await expect(source).toBeVisible();
  // Scroll the side list to its end with the wheel, as an admin would before dragging.
  const first = (await session.page.getByTestId('group-item-All Accounts').boundingBox())!;
  await session.page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  await session.page.mouse.wheel(0, 5_000);
  const items = session.page.locator('[data-testid^="group-item-"]');
  const target = items.last();
  await expect(target).toBeInViewport();
  const name = await nameOf(target);

  await pointerDrag(session.page, source, target);
  await expect(session.page.getByTestId('drag-overlay')).toHaveText(`1 account → ${name}`);
  await shot(session.page, 'group-list-virtual-drag');
  await session.page.mouse.up();
  const dialog = session.page.getByRole('dialog', { name: /^Preview:/ });
  await expect(dialog).toContainText(name);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('Resources: the drop list draws all 21 groups on scrolling (no cap), and the search still narrows it', async () => {
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Resources' }).click();
  const list = session.page.getByRole('list', { name: 'Groups to share with' });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 45_000 });
  expect(await list.getByRole('listitem').count()).toBeLessThan(21);
  const region = session.page.getByRole('region', { name: 'Group list' });
  await region.focus();
  await session.page.keyboard.press('End');
  const last = session.page.locator('[data-testid^="share-target-"]').last();
  await expect(last).toBeInViewport();
  const name = ((await last.getAttribute('data-testid')) ?? '').replace('share-target-', '');
  await session.page.getByRole('textbox', { name: 'Search groups' }).fill(name);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(session.page.getByTestId(`share-target-${name}`)).toBeVisible();
  await axe(session.page, 'resources (virtualised drop list)');
  await session.page.getByRole('textbox', { name: 'Search groups' }).fill('');
});
