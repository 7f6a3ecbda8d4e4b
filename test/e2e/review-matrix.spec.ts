import { expect, test } from '@playwright/test';
import { specSession } from './support/session';
import { axe, nav, shot } from './support/screens';

/**
 * The review matrix's row headers on the partner tier, whose users are labelled as the large
 * tier's are (the same generator: "Name Surname (name.surname123@partner.example.com)"): a label
 * longer than the header column ends in an ellipsis with its count still shown, is whole in the
 * header's tooltip and accessible name, and the column widens by pointer or keyboard.
 */
const session = specSession('partner', 60_000);

test('Review matrix: a long row label is cut with an ellipsis, whole in its tooltip and accessible name; the header column resizes by pointer and keyboard', async () => {
  const page = session.page;
  await nav(page, 'Review');
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await page.getByRole('button', { name: 'Users × groups' }).click();
  const grid = page.getByRole('grid', { name: 'Users × groups' });
  await expect(grid.getByRole('rowheader').first()).toBeVisible({ timeout: 45_000 });

  // The drawn row header whose label is cut the most at the default width.
  const cut = async () =>
    grid.evaluate((g) =>
      Array.from(g.querySelectorAll<HTMLElement>('[role="rowheader"]'))
        .map((h) => {
          const label = h.querySelector<HTMLElement>('.vm-label')!;
          return { full: h.getAttribute('aria-label') ?? '', label: label.textContent ?? '', over: label.scrollWidth - label.clientWidth };
        })
        .sort((a, b) => b.over - a.over)[0]!,
    );
  const longest = await cut();
  expect(longest.over).toBeGreaterThan(0);
  expect(longest.full).toMatch(/^.+ \(.+@partner\.example\.com\): a role in \d+ shown groups?$/);
  expect(longest.full.startsWith(longest.label)).toBe(true);
  const header = grid.getByRole('rowheader', { name: longest.full, exact: true });
  await expect(header).toHaveAttribute('title', longest.full);
  const name = header.locator('.vm-label');
  await expect(name).toHaveCSS('text-overflow', 'ellipsis');
  // The count is whole, inside the header, after the cut label.
  const hb = (await header.boundingBox())!;
  const badge = (await header.locator('.vm-badge').boundingBox())!;
  await expect(header.locator('.vm-badge')).toHaveText(/^\(\d+\)$/);
  expect(badge.x + badge.width).toBeLessThanOrEqual(hb.x + hb.width);
  await shot(page, 'review-matrix-long-labels');

  // Keyboard: the column's edge is a separator; End makes it as wide as it goes, and the label shows whole.
  const handle = grid.getByRole('separator', { name: 'Width of the user column' });
  await expect(handle).toHaveAttribute('aria-valuenow', '260');
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', '280');
  await page.keyboard.press('End');
  await expect(handle).toHaveAttribute('aria-valuenow', '720');
  await expect.poll(() => name.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // The cells move with it: the first group's column starts at the header column's edge.
  const first = (await grid.getByRole('columnheader').nth(1).boundingBox())!;
  const gb = (await grid.boundingBox())!;
  expect(Math.abs(first.x - (gb.x + 1 + 720))).toBeLessThan(2);
  await shot(page, 'review-matrix-wide-labels');
  await axe(page, 'review matrix, header column widened');

  // Pointer: dragging the edge 200 px left narrows it by as much.
  const hbox = (await handle.boundingBox())!;
  await page.mouse.move(hbox.x + hbox.width / 2, hbox.y + hbox.height / 2);
  await page.mouse.down();
  await page.mouse.move(hbox.x + hbox.width / 2 - 200, hbox.y + hbox.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute('aria-valuenow', '520');

  // Membership view: an account's header says its id and what its count counts.
  await page.getByRole('button', { name: 'Groups × accounts' }).click();
  const accounts = page.getByRole('grid', { name: 'Groups × accounts' });
  await expect(accounts.getByRole('rowheader').first()).toHaveAttribute('aria-label', /^.+ \(.+\): in \d+ shown groups?$/);
  await expect(accounts.getByRole('separator', { name: 'Width of the account column' })).toBeVisible();
});
