import { expect, test, type Locator } from '@playwright/test';
import { specSession } from './support/session';
import { axe, enterOn, shot, pointerDrag } from './support/screens';

/**
 * Resources drag-and-drop on the partner tier: multi-select resources (click, shift-click,
 * ctrl-click, select all shown), drop them on a group of the side list with a real mouse drag or
 * use "Share with group…" from the keyboard → one group.shareResources plan → preview with the
 * access diff and what is left out and why (R15, R19, R22–R24) → Apply queues it.
 */

const session = specSession('partner');

const openType = async (tab: RegExp) => {
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Resources' }).click();
  // The Roles tab counts the custom roles once the partner tier is in the cache.
  await expect(session.page.getByRole('tab', { name: /Roles \(5\)/ })).toBeVisible({ timeout: 45_000 });
  await session.page.getByRole('tab', { name: tab }).click();
};

const row = (grid: string, text: string) => session.page.getByRole('grid', { name: grid }).getByRole('row').filter({ hasText: text });
const target = (group: string) => session.page.getByTestId(`share-target-${group}`);
/** With many groups the admin narrows the side list first, so the target is in view. */
const findTarget = async (group: string) => {
  await session.page.getByRole('textbox', { name: 'Search groups' }).fill(group);
  await expect(target(group)).toBeVisible();
  return target(group);
};
const count = () => session.page.getByTestId('resource-selection-count');

/** A real pointer drag: press, move past the activation distance, travel, release. */
const mouseDrag = async (from: Locator, to: Locator, overlay: string, shotName?: string) => {
  await pointerDrag(session.page, from, to);
  await expect(session.page.getByTestId('drag-overlay')).toHaveText(overlay);
  if (shotName) await shot(session.page, shotName);
  await session.page.mouse.up();
};

test('R24 mouse: shift-select both clouds, drag them onto Services 1, preview, Apply queues one share', async () => {
  await openType(/Atom Clouds/);
  await expect(target('All Accounts')).toContainText('(default)');
  await row('Atom Clouds', 'Partner Cloud 1').click();
  await row('Atom Clouds', 'Partner Cloud 2').click({ modifiers: ['Shift'] });
  await expect(count()).toHaveText('2 selected');
  await expect(session.page.getByTestId('resource-detail')).toHaveCount(0);
  await mouseDrag(row('Atom Clouds', 'Partner Cloud 2'), await findTarget('Services 1'), '2 resources → Services 1', 'resources-dnd-dragging');

  const dialog = session.page.getByRole('dialog', { name: 'Preview: Share 2 resources with “Services 1”' });
  await expect(dialog.getByTestId('plan-ops')).toHaveText('Share Cloud “Partner Cloud 1”, Cloud “Partner Cloud 2” with “Services 1”.');
  // A cloud carries no role: nobody's access changes (R5, R24).
  await expect(dialog).toContainText('No one gains or loses access.');
  await shot(session.page, 'resources-dnd-preview');
  await axe(session.page, 'resources drop preview');
  await dialog.getByRole('button', { name: /Apply \(queue 1 change\)/ }).click();
  await expect(dialog).toBeHidden();
  await expect(session.page.getByRole('status').filter({ hasText: 'Queued: Share 2 resources with “Services 1”' })).toBeVisible();
  await expect(row('Atom Clouds', 'Partner Cloud 2')).toContainText('Services 1');
  await expect(row('Atom Clouds', 'Partner Cloud 1')).toContainText('Managed 16, Onboarding 12, Region 4, Services 1, Services 18');
});

test('R23: a drop mixing an unreleased connector with a private one shares only the private one, saying why', async () => {
  await openType(/Connectors/);
  await row('Connectors', 'Connector 1').click();
  await row('Connectors', 'Connector 4').click({ modifiers: ['ControlOrMeta'] });
  await expect(count()).toHaveText('2 selected');
  await mouseDrag(row('Connectors', 'Connector 4'), await findTarget('Managed 2'), '2 resources → Managed 2');
  // The title counts the real change: one of the two will be shared.
  const dialog = session.page.getByRole('dialog', { name: 'Preview: Share 1 of 2 resources with “Managed 2”' });
  await expect(dialog.getByTestId('plan-ops')).toHaveText('Share Connector “Connector 4” with “Managed 2”.');
  await expect(dialog.getByRole('alert').filter({ hasText: 'Not shared' })).toContainText(
    'Not shared, 1 of the dropped resources: “Connector 1” (R23: Connector "Connector 1" is not released',
  );
  await expect(dialog).toContainText('No one gains or loses access.');
  await shot(session.page, 'resources-dnd-partly-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Dragging an unselected row drags it alone: only the unreleased connector → refused, nothing queued.
  await row('Connectors', 'Connector 1').click({ modifiers: ['ControlOrMeta'] });
  await expect(count()).toHaveText('1 selected');
  await mouseDrag(row('Connectors', 'Connector 1'), await findTarget('Managed 2'), '1 resource → Managed 2');
  const refused = session.page.getByRole('dialog', { name: 'Share “Connector 1” with “Managed 2”' });
  await expect(refused.getByTestId('refusal')).toContainText('Refused: Nothing can be shared with “Managed 2”: “Connector 1” (R23: Connector "Connector 1" is not released');
  await shot(session.page, 'resources-dnd-refused');
  await axe(session.page, 'resources drop refused');
  await refused.getByRole('button', { name: 'Close' }).click();
  await expect(row('Connectors', 'Connector 1')).toContainText('—');
});

test('R15/R19 keyboard: select two roles with Space and Shift+Down, "Share with group…", type, Enter, Apply', async () => {
  await openType(/Roles/);
  const grid = session.page.getByRole('grid', { name: 'Roles' });
  await grid.focus();
  await session.page.keyboard.press('Home');
  await session.page.keyboard.press('Space'); // Care Role 4
  await session.page.keyboard.press('Shift+ArrowDown'); // Integration Role 1
  await expect(count()).toHaveText('2 selected');
  await expect(row('Roles', 'Care Role 4')).toHaveAttribute('aria-selected', 'true');
  await expect(row('Roles', 'Integration Role 1')).toHaveAttribute('aria-selected', 'true');

  await enterOn(session.page, session.page.getByRole('button', { name: 'Share with group…' }));
  const picker = session.page.getByRole('dialog', { name: 'Share 2 resources with a group' });
  await expect(picker.getByRole('combobox', { name: 'Group' })).toBeFocused();
  await session.page.keyboard.type('Managed 16');
  await expect(session.page.getByRole('option', { name: /Managed 16/ })).toBeVisible();
  await shot(session.page, 'resources-dnd-keyboard-picker');
  await axe(session.page, 'share with group picker');
  await session.page.keyboard.press('Enter');

  const dialog = session.page.getByRole('dialog', { name: 'Preview: Share 2 resources with “Managed 16”' });
  await expect(dialog.getByTestId('plan-ops')).toHaveText('Share Role “Care Role 4”, Role “Integration Role 1” with “Managed 16”.');
  // R19: members of Managed 16 without AUS will list the roles but cannot assign them.
  await expect(dialog).toContainText('28 accounts of “Managed 16” have Advanced User Security off');
  await expect(dialog.getByTestId('lockouts')).toHaveCount(0);
  await shot(session.page, 'resources-dnd-roles-preview');
  await enterOn(session.page, dialog.getByRole('button', { name: /Apply/ }));
  await expect(dialog).toBeHidden();
  await expect(session.page.getByRole('status').filter({ hasText: 'Queued: Share 2 resources with “Managed 16”' })).toBeVisible();
  await expect(row('Roles', 'Care Role 4')).toContainText('Integration 11, Managed 16');
  await expect(row('Roles', 'Integration Role 1')).toContainText('Managed 16, Onboarding 15');
});

test('select all shown: the search narrows the selection, and resources already shared are left out', async () => {
  await openType(/Roles/);
  await session.page.getByLabel('Search roles or groups').fill('Managed 16');
  await session.page.getByRole('button', { name: 'Select all 2 shown' }).click();
  await expect(count()).toHaveText('2 selected');
  await session.page.getByRole('button', { name: 'Share with group…' }).click();
  await session.page.getByRole('combobox', { name: 'Group' }).fill('Managed 16');
  await session.page.getByRole('option', { name: /Managed 16/ }).click();
  // The previous test's share is pending: both are already on Managed 16, so nothing is queued.
  const refused = session.page.getByRole('dialog', { name: 'Share 2 resources with “Managed 16”' });
  await expect(refused.getByTestId('refusal')).toContainText('“Care Role 4” (already shared with “Managed 16”)');
  await refused.getByRole('button', { name: 'Close' }).click();
  await session.page.getByLabel('Search roles or groups').fill('');
  await shot(session.page, 'resources-dnd-screen');
  await axe(session.page, 'resources with group side list');
});

test('from Groups: a group’s Resources tab opens the Resources area with that group leading the drop list', async () => {
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Groups' }).click();
  await session.page.getByTestId('group-item-Services 8').click();
  await session.page.getByRole('tab', { name: 'Resources' }).click();
  await expect(session.page.getByRole('table', { name: 'Resources shared with Services 8' })).toContainText('Services Role 2');
  await shot(session.page, 'resources-dnd-group-tab');
  await axe(session.page, 'group resources tab');
  await session.page.getByRole('button', { name: 'Share resources with Services 8…' }).click();

  await expect(session.page.getByRole('heading', { level: 2, name: 'Resources' })).toBeVisible();
  await expect(session.page.getByRole('textbox', { name: 'Search groups' })).toHaveValue('Services 8');
  await expect(session.page.getByRole('list', { name: 'Groups to share with' }).getByRole('listitem')).toHaveCount(1);
  await session.page.getByRole('tab', { name: /Atom Clouds/ }).click();
  await row('Atom Clouds', 'Partner Cloud 2').click();
  await mouseDrag(row('Atom Clouds', 'Partner Cloud 2'), target('Services 8'), '1 resource → Services 8');
  const dialog = session.page.getByRole('dialog', { name: 'Preview: Share “Partner Cloud 2” with “Services 8”' });
  await expect(dialog.getByTestId('plan-ops')).toHaveText('Share Cloud “Partner Cloud 2” with “Services 8”.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('dark mode follows the OS: the drop list, a multi-selection and the share preview stay readable (axe)', async () => {
  await session.page.emulateMedia({ colorScheme: 'dark' });
  await openType(/Published processes/);
  await row('Published processes', 'Published Process 2').click();
  await row('Published processes', 'Published Process 5').click({ modifiers: ['Shift'] });
  await expect(count()).toHaveText('2 selected');
  await mouseDrag(row('Published processes', 'Published Process 5'), await findTarget('Region 4'), '2 resources → Region 4');
  const dialog = session.page.getByRole('dialog', { name: 'Preview: Share 2 resources with “Region 4”' });
  await expect(dialog.getByTestId('plan-ops')).toHaveText('Share Published Process “Published Process 2”, Published Process “Published Process 5” with “Region 4”.');
  await expect(dialog).toContainText('No one gains or loses access.');
  await shot(session.page, 'resources-dnd-dark-preview');
  await axe(session.page, 'resources drop preview (dark)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await axe(session.page, 'resources with selection (dark)');
  await session.page.emulateMedia({ colorScheme: 'light' });
});

test('a drag held near the drop list’s edges beside the groups scrolls it: to the end near the bottom, back near the top', async () => {
  const page = session.page;
  await openType(/Atom Clouds/);
  await page.getByRole('textbox', { name: 'Search groups' }).fill('');
  await row('Atom Clouds', 'Partner Cloud 1').click();
  await expect(count()).toHaveText('1 selected');
  const scroller = page.getByRole('region', { name: 'Group list' });
  const scrollTop = () => scroller.evaluate((el) => el.scrollTop);
  const end = () => scroller.evaluate((el) => el.scrollHeight - el.clientHeight);
  const box = (await scroller.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -10_000);
  await expect.poll(scrollTop).toBe(0);
  expect(await end()).toBeGreaterThan(100);

  // Held in the list's margin beside the groups (the chip names no group, so dnd-kit's auto-scroll,
  // which acts over a drop target only, does nothing): the list's own edge scrolling moves it.
  const from = (await row('Atom Clouds', 'Partner Cloud 1').boundingBox())!;
  await page.mouse.move(from.x + 40, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 50, from.y + from.height / 2 + 8, { steps: 3 });
  await page.mouse.move(box.x + 3, box.y + box.height - 8, { steps: 12 });
  await expect(page.getByTestId('drag-overlay')).toHaveText('1 resource');
  const bottom = await end();
  await expect.poll(scrollTop, { timeout: 30_000 }).toBeGreaterThanOrEqual(bottom - 1);
  await shot(page, 'resources-drag-autoscroll-bottom');
  await page.mouse.move(box.x + 3, box.y + 8, { steps: 12 });
  await expect(page.getByTestId('drag-overlay')).toHaveText('1 resource');
  await expect.poll(scrollTop, { timeout: 30_000 }).toBe(0);

  // Let go away from every group: nothing is proposed.
  await page.mouse.move(box.x + box.width + 300, box.y + 10, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('drag-overlay')).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
