import { expect, test, type Page } from '@playwright/test';
import { specSession } from './support/session';
import { axe, nav, shot } from './support/screens';

/**
 * What the admin sees is true, at the partner tier (1,000 accounts, 21 groups) and 1280×720:
 * the drag chip sits at the pointer and names the target, even in a list scrolled 3,000 px.
 */

const session = specSession('partner', 60_000);
const page = (): Page => session.page;

const groupItem = (name: string) => page().getByTestId(`group-item-${name}`);
const grid = (group: string) => page().getByRole('grid', { name: `Accounts in ${group}` });
const nameOf = async (testId: string | null) => (testId ?? '').replace('group-item-', '');

/** The group list's entries after All Accounts, by name. */
const otherGroups = async (): Promise<string[]> => {
  const ids = await page().locator('[data-testid^="group-item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  return (await Promise.all(ids.map(nameOf))).filter((n) => n !== 'All Accounts');
};

test.beforeAll(async () => {
  await page().setViewportSize({ width: 1280, height: 720 });
});

test('drag: the chip sits at the pointer and names the target, also after scrolling the list 3,000 px', async () => {
  await nav(page(), 'Groups');
  await groupItem('All Accounts').click();
  const rows = grid('All Accounts');
  await expect(rows.getByRole('row').nth(1)).toBeVisible({ timeout: 45_000 });
  const [target] = await otherGroups();
  const to = (await groupItem(target!).boundingBox())!;

  /** Presses on a row, drags to the target and checks the chip against the pointer at each step. */
  const dragFrom = async (rowIndex: number) => {
    const row = rows.locator(`[aria-rowindex="${rowIndex}"]`);
    const from = (await row.boundingBox())!;
    const path = [
      { x: from.x + 60, y: from.y + from.height / 2 },
      { x: from.x + 80, y: from.y + from.height / 2 + 12 },
      { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 },
      { x: to.x + to.width / 2, y: to.y + to.height / 2 },
    ];
    await page().mouse.move(path[0]!.x, path[0]!.y);
    await page().mouse.down();
    for (const p of path.slice(1)) {
      await page().mouse.move(p.x, p.y, { steps: 4 });
      const chip = page().getByTestId('drag-overlay');
      await expect(chip).toBeVisible();
      const box = (await chip.boundingBox())!;
      // The chip's nearest edge is within 40 px of the pointer on both axes.
      const dx = Math.max(box.x - p.x, 0, p.x - (box.x + box.width));
      const dy = Math.max(box.y - p.y, 0, p.y - (box.y + box.height));
      expect(Math.hypot(dx, dy), `chip ${JSON.stringify(box)} vs pointer ${JSON.stringify(p)}`).toBeLessThanOrEqual(40);
    }
    await expect(page().getByTestId('drag-overlay')).toHaveText(`1 account → ${target}`);
  };

  await dragFrom(3);
  await shot(page(), 'trust-drag-chip');
  await page().keyboard.press('Escape');
  await page().mouse.up();
  await expect(page().getByTestId('drag-overlay')).toHaveCount(0);

  // Scroll the accounts 3,000 px with the wheel, then drag a row drawn only now.
  const box = (await rows.boundingBox())!;
  await page().mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page().mouse.wheel(0, 3_000);
  await expect.poll(() => rows.evaluate((el) => el.scrollTop)).toBeGreaterThanOrEqual(2_900);
  const visible = await rows.getByRole('row').evaluateAll((els, top) => {
    const r = els.map((e) => ({ i: Number(e.getAttribute('aria-rowindex')), y: e.getBoundingClientRect().top }));
    return r.filter((x) => x.i > 1 && x.y > top + 40).map((x) => x.i);
  }, box.y);
  await dragFrom(visible[2]!);
  await shot(page(), 'trust-drag-chip-scrolled');
  await page().keyboard.press('Escape');
  await page().mouse.up();
  await expect(page().getByTestId('drag-overlay')).toHaveCount(0);
  await axe(page(), 'groups after a cancelled drag');
});

test('leaving a screen keeps your place: the open group, the explorer\'s picks', async () => {
  const [group] = await otherGroups();
  await groupItem(group!).click();
  await expect(page().getByRole('heading', { level: 2, name: group })).toBeVisible();
  await nav(page(), 'Access explorer');
  const user = page().getByRole('combobox', { name: 'User' });
  await user.click();
  await page().getByRole('option').first().click();
  const picked = await user.inputValue();
  expect(picked).not.toBe('');
  await nav(page(), 'Groups');
  await expect(page().getByRole('heading', { level: 2, name: group })).toBeVisible();
  await expect(groupItem(group!)).toHaveAttribute('aria-current', 'page');
  await nav(page(), 'Access explorer');
  await expect(page().getByRole('combobox', { name: 'User' })).toHaveValue(picked);
});

test('every screen in both themes at 1280×720: the data age in the header, axe clean', async () => {
  const areas = ['Groups', 'Resources', 'Partner access', 'Access explorer', 'Review', 'Sync', 'History', 'Settings'];
  for (const scheme of ['light', 'dark'] as const) {
    await page().emulateMedia({ colorScheme: scheme });
    for (const area of areas) {
      await nav(page(), area);
      await expect(page().getByRole('banner').getByTestId('data-age')).toHaveText(/^as of \d\d:\d\d$/);
      await shot(page(), `trust-${area.toLowerCase().replace(/ /g, '-')}-${scheme}`);
      await axe(page(), `${area} (${scheme})`);
    }
  }
  await page().emulateMedia({ colorScheme: 'light' });
});
