import { expect, test, type Page } from '@playwright/test';
import { specSession } from './support/session';
import { platformPost } from './support/host';
import { axe, shot, pointerDrag, refreshDone } from './support/screens';

/**
 * the group side lists are virtualised (only the groups in view are drawn) and stay
 * keyboard-usable, accessible and valid drop targets. The partner tier has 21 groups: more than
 * fit the 900 px window, so some are not drawn until scrolled to.
 */

const session = specSession('partner', 60_000);

const groupList = () => session.page.getByRole('list', { name: 'Account groups' });
const focusedGroup = () => session.page.locator('[data-testid^="group-item-"]:focus');
/** A focused group other than All Accounts (a positive match: "not All Accounts" also holds while no group has the focus). */
const OTHER_GROUP = /^group-item-(?!All Accounts$)/;
const nameOf = async (item: ReturnType<Page['locator']>) => ((await item.getAttribute('data-testid')) ?? '').replace('group-item-', '');
/**
 * Waits until a virtual list's scroller is at its end with its last item drawn there. A wheel or
 * End scrolls it over several frames, and the items for a scroll position are drawn a render
 * after it: until then the last item in the DOM is one from further up, possibly in view.
 */
const expectEndDrawn = (scroller: ReturnType<Page['locator']>) =>
  expect
    .poll(
      () =>
        scroller.evaluate((el) => {
          const items = el.querySelectorAll(':scope > ul > li');
          const last = items[items.length - 1];
          const atEnd = el.scrollHeight - el.clientHeight - el.scrollTop <= 1;
          const viewBottom = el.getBoundingClientRect().top + el.clientTop + el.clientHeight;
          return atEnd && last !== undefined && Math.abs(viewBottom - last.getBoundingClientRect().bottom) <= 8;
        }),
      { message: 'the list scrolled to its end, its last item drawn at the bottom', timeout: 30_000 },
    )
    .toBe(true);

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
  // End draws the last group and focuses it a render later: read the focus once it has moved.
  await expect(async () => {
    await session.page.keyboard.press('End');
    await expect(focusedGroup()).toHaveAttribute('data-testid', OTHER_GROUP, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const last = await nameOf(focusedGroup());
  expect(last).not.toBe('All Accounts');
  await expect(session.page.getByTestId(`group-item-${last}`)).toBeInViewport();
  await session.page.keyboard.press('Enter');
  await expect(session.page.getByRole('heading', { level: 2, name: last })).toBeVisible();
  await expect(session.page.getByTestId(`group-item-${last}`)).toHaveAttribute('aria-current', 'page');
  // Each key is retried as a whole step, as the Tab above: under load a redraw can take one key
  // press (seen at load 23: after Home, ArrowDown left the focus on All Accounts for 15 s); the
  // admin would press again.
  await expect(async () => {
    await session.page.keyboard.press('Home');
    await expect(focusedGroup()).toHaveAttribute('data-testid', 'group-item-All Accounts', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(async () => {
    await session.page.keyboard.press('ArrowDown');
    await expect(focusedGroup()).toHaveAttribute('data-testid', OTHER_GROUP, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
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
  // The list draws the groups for a scroll position a render after it scrolled there: the last
  // group drawn is the list's last only once the scroll has reached the end and been drawn.
  await expectEndDrawn(groupList().locator('xpath=..'));
  const items = session.page.locator('[data-testid^="group-item-"]');
  await expect(items.last()).toBeInViewport();
  const name = await nameOf(items.last());
  const target = session.page.getByTestId(`group-item-${name}`);

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
  await expectEndDrawn(region);
  const last = session.page.locator('[data-testid^="share-target-"]').last();
  await expect(last).toBeInViewport();
  const name = ((await last.getAttribute('data-testid')) ?? '').replace('share-target-', '');
  await session.page.getByRole('textbox', { name: 'Search groups' }).fill(name);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(session.page.getByTestId(`share-target-${name}`)).toBeVisible();
  await axe(session.page, 'resources (virtualised drop list)');
  await session.page.getByRole('textbox', { name: 'Search groups' }).fill('');
});

test('Accounts at 1280×720: one-line toolbar, natural sort, select from a pasted list, Escape clears, compact 28 px rows', async () => {
  const page = session.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Groups' }).click();
  await page.getByTestId('group-item-All Accounts').click();
  const grid = page.getByRole('grid', { name: 'Accounts in All Accounts' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  // The toolbar's controls share one line.
  const tops = await Promise.all(
    [page.getByRole('textbox', { name: 'Search accounts' }), page.getByRole('combobox', { name: 'Show' }), page.getByRole('button', { name: /^Add to group/ })].map(async (l) => (await l.boundingBox())!),
  );
  for (const b of tops) expect(Math.abs(b.y + b.height / 2 - (tops[0]!.y + tops[0]!.height / 2))).toBeLessThan(8);
  await expectLabelWhole(page.getByRole('textbox', { name: 'Search accounts' }));

  // Natural order: "Atlas Farms 51" before "Atlas Farms 428".
  const header = grid.getByRole('columnheader', { name: 'Account', exact: true });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const names = await grid.locator('[role=row] > [role=gridcell]:first-child').allTextContents();
  expect(names.length).toBeGreaterThan(5);
  expect(names).toEqual([...names].sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare));

  // Paste three ids (and one unknown) to select them; Escape in the grid clears the selection.
  const idsShown = (await grid.locator('[role=row] > [role=gridcell]:nth-child(2)').allTextContents()).slice(2, 5);
  await page.getByRole('button', { name: 'Select from a list…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Select accounts from a list' });
  await dialog.getByRole('textbox').fill(`${idsShown.join('\n')}\nno-such-account`);
  await expect(dialog.getByTestId('select-list-result')).toHaveText('3 rows selected from the list; 1 not found: no-such-account');
  await shot(page, 'tables-select-from-list');
  await dialog.getByRole('button', { name: 'Select 3 accounts' }).click();
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  await grid.focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selection-count')).toHaveText('0 selected');

  await page.getByRole('button', { name: 'Compact rows' }).click();
  await expect.poll(async () => (await grid.getByRole('row').nth(1).boundingBox())?.height).toBe(28);
  await shot(page, 'tables-accounts-compact-1280');
  await axe(page, 'groups (sorted, compact accounts table)');
  await page.getByRole('button', { name: 'Comfortable rows' }).click();
});

/** A search box still says what it searches: its visible label is drawn whole, not cut to "Search users…". */
const expectLabelWhole = async (box: ReturnType<Page['locator']>) => {
  const cut = await box.evaluate((el) => {
    const label = (el as HTMLInputElement).labels?.[0];
    return label ? { text: label.textContent, hidden: label.scrollWidth - label.clientWidth } : null;
  });
  expect(cut, 'the search box has a visible label').not.toBeNull();
  expect(cut!.hidden, `"${cut!.text}" is cut off`).toBeLessThanOrEqual(0);
};

/** The controls share one row (their middles within 8 px) and none reaches past `right`. */
const expectOneRow = async (controls: ReturnType<Page['locator']>[], right: number) => {
  const boxes = await Promise.all(controls.map(async (l) => (await l.boundingBox())!));
  const mid = (b: { y: number; height: number }) => b.y + b.height / 2;
  for (const b of boxes) {
    expect(Math.abs(mid(b) - mid(boxes[0]!))).toBeLessThan(8);
    expect(b.x + b.width).toBeLessThanOrEqual(right + 0.5);
  }
};

test('Users in Group and Resources at 1280×720: each toolbar stays on one line', async () => {
  const page = session.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Groups' }).click();
  await page.getByTestId('group-item-All Accounts').click();
  await page.getByRole('tab', { name: 'Users in Group' }).click();
  const users = page.getByRole('grid', { name: 'Users in All Accounts' });
  await expect(users.getByRole('row').nth(1)).toBeVisible();
  // One way to show a person: the name, then the e-mail, in one column.
  await expect(users.getByRole('columnheader', { name: 'Name', exact: true })).toHaveCount(0);
  await expect(users.getByRole('row').nth(1)).toContainText(/\S+ \S+.*@/);
  const usersRight = (await users.boundingBox())!;
  await expectOneRow(
    [
      page.getByRole('textbox', { name: 'Search users or roles' }),
      page.getByRole('button', { name: 'Select from a list…' }),
      page.getByRole('button', { name: 'Compact rows' }),
      page.getByRole('button', { name: 'Add to group…' }),
      page.getByRole('button', { name: 'Remove from group' }),
      page.getByRole('button', { name: 'Change roles…' }),
    ],
    usersRight.x + usersRight.width,
  );
  await expectLabelWhole(page.getByRole('textbox', { name: 'Search users or roles' }));
  // Which users are shown goes with selecting them, on the line below.
  await expectOneRow(
    [page.getByRole('button', { name: 'In this group', exact: true }), page.getByRole('button', { name: 'All users', exact: true }), page.getByRole('button', { name: /^Select all \d+ shown$/ })],
    usersRight.x + usersRight.width,
  );
  await shot(page, 'toolbar-users-1280');
  // Groups reopens on the tab it was left on: leave it on Accounts for the tests after this one.
  await page.getByRole('tab', { name: 'Accounts' }).click();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Resources' }).click();
  await page.getByRole('tab', { name: /^Roles/ }).click();
  const resources = page.getByRole('grid', { name: 'Roles' });
  await expect(resources.getByRole('row').nth(1)).toBeVisible();
  const resourcesRight = (await resources.boundingBox())!;
  await expectOneRow(
    [
      page.getByRole('textbox', { name: 'Search roles or groups' }),
      page.getByRole('button', { name: 'Select from a list…' }),
      page.getByRole('button', { name: 'Compact rows' }),
      page.getByRole('button', { name: 'Share with group…' }),
    ],
    resourcesRight.x + resourcesRight.width,
  );
  await expectLabelWhole(page.getByRole('textbox', { name: 'Search roles or groups' }));
  await expect(page.getByTestId('resource-selection-count')).toHaveText('0 selected');
  await shot(page, 'toolbar-resources-1280');
  await axe(page, 'resources at 1280 (one-line toolbar)');
  await page.setViewportSize({ width: 1440, height: 900 });
});

/** A group made on the platform behind the app's back, as another admin would. */
const createGroupOnPlatform = async (name: string) => {
  const res = await platformPost(session.platform, 'AccountGroup', JSON.stringify({ name }));
  expect(res.ok, await res.text()).toBe(true);
};

test('Groups: a refresh that redraws the list and inserts a group above the focused one leaves the focus (and the tab stop) on that group', async () => {
  const page = session.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Groups' }).click();
  await page.getByTestId('group-item-All Accounts').click();
  // Each key retried as a whole step, as in the first test (a redraw can take a key press); the
  // focus moves a render after the key, so it is read only once it has.
  await expect(async () => {
    await page.keyboard.press('Home');
    await expect(focusedGroup()).toHaveAttribute('data-testid', 'group-item-All Accounts', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(async () => {
    await page.keyboard.press('ArrowDown');
    await expect(focusedGroup()).toHaveAttribute('data-testid', OTHER_GROUP, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const held = await nameOf(focusedGroup());
  expect(held).not.toBe('All Accounts');
  // The admin scrolls the list away from the focused group (it stays focused, out of view).
  const first = (await page.getByTestId('group-item-All Accounts').boundingBox())!;
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  await page.mouse.wheel(0, 5_000);
  await expect(page.getByTestId('group-item-All Accounts')).not.toBeInViewport();
  await expect(focusedGroup()).toHaveAttribute('data-testid', `group-item-${held}`);

  // Another admin creates a group that sorts just after All Accounts, above the focused one; a
  // refresh started without touching the focus (a click event on the header's button, as a
  // script would) draws "Refreshing n/16" and then the new group.
  const inserted = `AAA ${String(1e13 - Date.now())}`;
  await createGroupOnPlatform(inserted);
  const listHeight = async () => (await groupList().boundingBox())!.height;
  const before = await listHeight();
  await page.getByRole('button', { name: 'Refresh from the platform' }).dispatchEvent('click');
  await expect.poll(listHeight, { timeout: 60_000 }).toBeGreaterThan(before + 30);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await refreshDone(page);

  // Still on the same group, which is still the one tab stop; the arrows move from where it is now.
  await expect(focusedGroup()).toHaveAttribute('data-testid', `group-item-${held}`);
  await expect(focusedGroup()).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('ArrowUp');
  await expect(focusedGroup()).toHaveAttribute('data-testid', `group-item-${inserted}`);
  await page.keyboard.press('ArrowUp');
  await expect(focusedGroup()).toHaveAttribute('data-testid', 'group-item-All Accounts');
});

test('Groups: a drag held near the group list’s bottom edge beside the groups scrolls it to the end, and just past its top edge back', async () => {
  const page = session.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Groups' }).click();
  await page.getByTestId('group-item-All Accounts').click();
  const source = page.getByRole('grid', { name: 'Accounts in All Accounts' }).getByRole('row').nth(1);
  await expect(source).toBeVisible();
  const scroller = groupList().locator('xpath=..');
  const scrollTop = () => scroller.evaluate((el) => el.scrollTop);
  const bottom = () => scroller.evaluate((el) => el.scrollHeight - el.clientHeight);
  // The list starts at its top, as a wheel up over it leaves it; it has more groups than fit.
  const box = (await scroller.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -10_000);
  await expect.poll(scrollTop).toBe(0);
  expect(await bottom()).toBeGreaterThan(100);

  // Pick up an account and hold it just inside the list's bottom edge, in its margin beside the
  // groups: the pointer stays still, over no group (the chip names none), and the list scrolls
  // under it until its last group shows. dnd-kit's own auto-scroll acts only over a drop target
  // (there it scrolls the target's list), so this is the list's edge scrolling (useDragEdgeScroll).
  const a = (await source.boundingBox())!;
  await page.mouse.move(a.x + 40, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 50, a.y + a.height / 2 + 8, { steps: 3 });
  await page.mouse.move(box.x + 3, box.y + box.height - 8, { steps: 12 });
  await expect(page.getByTestId('drag-overlay')).toHaveText('1 account');
  await expect.poll(scrollTop, { timeout: 30_000 }).toBeGreaterThan(0);
  const end = await bottom();
  await expect.poll(scrollTop, { timeout: 30_000 }).toBeGreaterThanOrEqual(end - 1);
  await shot(page, 'group-list-drag-autoscroll-bottom');

  // Held just past the top edge (over the search box, no group under the pointer, so only the
  // list's own edge scrolling can act), it scrolls back to the first group.
  await page.mouse.move(box.x + box.width / 2, box.y - 10, { steps: 12 });
  await expect.poll(scrollTop, { timeout: 30_000 }).toBe(0);
  await expect(page.getByTestId('group-item-All Accounts')).toBeInViewport();

  // Let go away from every group: nothing is proposed, and the list no longer scrolls.
  await page.mouse.move(box.x + box.width + 300, box.y + 10, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('drag-overlay')).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Groups: over the search box above a scrolled list, a drag names no group and its drop does nothing (the hidden groups under it are not targets)', async () => {
  const page = session.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Groups' }).click();
  await page.getByTestId('group-item-All Accounts').click();
  const source = page.getByRole('grid', { name: 'Accounts in All Accounts' }).getByRole('row').nth(1);
  await expect(source).toBeVisible();
  // An earlier drag may have left the accounts table scrolled; its first row back in view.
  const gridBox = (await page.getByRole('grid', { name: 'Accounts in All Accounts' }).boundingBox())!;
  await page.mouse.move(gridBox.x + gridBox.width / 2, gridBox.y + gridBox.height / 2);
  await page.mouse.wheel(0, -100_000);
  await expect(source).toBeInViewport({ ratio: 1 });
  const scroller = groupList().locator('xpath=..');
  const scrollTop = () => scroller.evaluate((el) => el.scrollTop);
  const box = (await scroller.boundingBox())!;
  const search = (await page.getByRole('textbox', { name: 'Search groups' }).boundingBox())!;
  // Scroll the list well down, so groups sit above its visible area (drawn there, but clipped).
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 400);
  await expect.poll(scrollTop).toBeGreaterThan(200);

  // Every frame, note what the chip says, where the pointer is and how far the list is scrolled;
  // and the list's scroll at the moment the pointer is let go.
  type Sample = { text: string; scrollTop: number; y: number };
  type Probe = { chipSamples: Sample[]; scrollAtRelease: number | null };
  await scroller.evaluate((list) => {
    const w = window as unknown as Probe;
    w.chipSamples = [];
    w.scrollAtRelease = null;
    let y = -1;
    window.addEventListener('pointermove', (e) => void (y = e.clientY), { capture: true });
    window.addEventListener('pointerup', () => void (w.scrollAtRelease = list.scrollTop), { capture: true, once: true });
    const tick = () => {
      const chip = document.querySelector('[data-testid="drag-overlay"]');
      if (chip) w.chipSamples.push({ text: chip.textContent ?? '', scrollTop: list.scrollTop, y });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const samples = () => page.evaluate(() => (window as unknown as Probe).chipSamples);

  // Pick up an account and hold it over the search box. The list's edge scrolling then brings it
  // back to the top; until it gets there, groups sit hidden under the box.
  const a = (await source.boundingBox())!;
  await page.mouse.move(a.x + 40, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 50, a.y + a.height / 2 + 8, { steps: 3 });
  // Up beside the list first, then across: a path over the list itself would scroll it fast.
  await page.mouse.move(a.x + 50, search.y + 2, { steps: 12 });
  await page.mouse.move(search.x + search.width / 2, search.y + 2, { steps: 12 });
  await expect(page.getByTestId('drag-overlay')).toContainText('1 account');
  const held = (await samples()).length;
  await expect.poll(async () => (await samples()).length, { timeout: 30_000 }).toBeGreaterThan(held + 10);
  await shot(page, 'group-list-drag-over-search');
  const seen = await samples();
  // On the way and over the search box the chip names no group, frame after frame (the hidden
  // groups under the box used to be hit: "1 account → Integration 9", and dnd-kit then scrolled
  // their list as over a real target).
  expect(seen.filter((s) => s.text.includes('→'))).toEqual([]);
  const overSearchScrolled = seen.filter((s) => Math.abs(s.y - (search.y + 2)) < 1 && s.scrollTop > 0);
  expect(overSearchScrolled.length, 'frames over the search box with groups hidden under it').toBeGreaterThan(0);
  await expect(page.getByTestId('drag-overlay')).toHaveText('1 account');

  // Let go there with groups hidden under the box again (the list scrolled back to its end):
  // nothing is queued, no preview opens.
  await scroller.evaluate((el) => void (el.scrollTop = el.scrollHeight));
  await page.mouse.up();
  await expect(page.getByTestId('drag-overlay')).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as Probe).scrollAtRelease), 'released with groups above the visible area').toBeGreaterThan(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
