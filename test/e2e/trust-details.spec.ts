import { expect, test, type Page } from '@playwright/test';
import { specSession } from './support/session';
import { axe, firstGroup, nav, refreshDone, shot, workOffline } from './support/screens';

/**
 * The small things a screen must not get wrong at the partner tier and 1280×720: the first load
 * never reads a group as empty before its accounts are known, the Sync screen's empty queue is not
 * drawn as a full bar, Settings has no blank line between its fields, Users in Group shows every
 * person's e-mail whole (or, cut, whole on hover), and the Accounts filters (a status, pending only)
 * narrow the real table.
 */

const session = specSession('partner', 60_000);
const page = (): Page => session.page;

test.beforeAll(async () => {
  await page().setViewportSize({ width: 1280, height: 720 });
});

/** The User cells drawn now: their full text and whether the cell cuts it. */
const userCells = (p: Page, group: string) =>
  p.getByRole('grid', { name: `Users in ${group}` }).evaluate((grid) =>
    Array.from(grid.querySelectorAll('[role="row"][aria-rowindex]:not([aria-rowindex="1"]) [role="gridcell"]:first-child')).map((c) => ({
      text: c.textContent ?? '',
      cut: c.scrollWidth > c.clientWidth,
    })),
  );

interface Frame {
  counts: { group: string; text: string }[];
  /** The open group's title when its account list said it has none. */
  emptyIn: string | null;
}

test('first load: no group reads "0 accounts" or "This group has no accounts" before its accounts are known; a loading state instead', async ({ browser }) => {
  // A new browser context is a new, empty cache: the window's very first load at the partner tier.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const p = await context.newPage();
    // Every frame from the first one is read (requestAnimationFrame), so a false zero drawn for a
    // single frame is caught, not only what happens to be on screen when the test looks.
    await p.addInitScript(() => {
      const w = window as unknown as { __frames: Frame[]; __last: string };
      w.__frames = [];
      w.__last = '';
      const read = () => {
        const counts = Array.from(document.querySelectorAll('[data-testid^="group-counts-"]')).map((el) => ({
          group: el.getAttribute('data-testid')!.replace('group-counts-', ''),
          text: el.textContent ?? '',
        }));
        const page = document.querySelector('section[aria-labelledby="group-title"]');
        const emptyIn = page?.textContent?.includes('This group has no accounts') ? (document.getElementById('group-title')?.textContent ?? '?') : null;
        const key = JSON.stringify({ counts, emptyIn });
        if (key !== w.__last) w.__frames.push({ counts, emptyIn });
        w.__last = key;
        requestAnimationFrame(read);
      };
      requestAnimationFrame(read);
    });
    await p.goto(session.web.url);
    await expect(p.getByTestId('connection-state')).toHaveText('Online', { timeout: 60_000 });
    await refreshDone(p);
    const all = p.getByTestId('group-item-All Accounts').getByTestId('group-counts-All Accounts');
    await expect(all).toHaveText(/^[\d,]+ accounts? · /, { timeout: 45_000 });
    // What the groups really hold, once known: the cache's counts after the first refresh.
    const known = new Map<string, string>();
    for (const el of await p.locator('[data-testid^="group-item-"] [data-testid^="group-counts-"]').all()) {
      known.set((await el.getAttribute('data-testid'))!.replace('group-counts-', ''), (await el.textContent()) ?? '');
    }
    const hasAccounts = (text: string | undefined) => !!text && !/^0 accounts/.test(text) && /accounts? · /.test(text);
    expect([...known.values()].filter(hasAccounts).length, 'groups with accounts at the partner tier').toBeGreaterThan(1);
    const frames = await p.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);
    // A group that has accounts was never drawn with none (side list or its header), nor its list as empty.
    const falseZero = frames.flatMap((f) => f.counts).filter((c) => hasAccounts(known.get(c.group)) && /^0 accounts/.test(c.text));
    expect(falseZero, 'groups drawn as "0 accounts" before their accounts were known').toEqual([]);
    const falseEmpty = frames.map((f) => f.emptyIn).filter((g): g is string => g !== null && hasAccounts(known.get(g)));
    expect(falseEmpty, 'groups whose account list said "This group has no accounts" before it was known').toEqual([]);
    const sawLoading = frames.some((f) => f.counts.some((c) => c.text === 'Loading accounts and users…'));
    test.info().annotations.push({ type: 'first load', description: `${frames.length} distinct frames; loading state drawn: ${sawLoading}` });
    await shot(p, 'trust-details-first-load-known');
  } finally {
    await context.close();
  }
});

test('Users in Group at 1280×720: the User column holds each name and e-mail whole; cut at a narrower width, the whole text shows on hover', async () => {
  const p = page();
  await nav(p, 'Groups');
  const group = await firstGroup(p);
  await p.getByTestId(`group-item-${group}`).click();
  await p.getByRole('tab', { name: 'Users in Group' }).click();
  const grid = p.getByRole('grid', { name: `Users in ${group}` });
  await expect(grid.getByRole('row').nth(3)).toBeVisible();
  // The drawn rows hold the group's longest e-mails ("chloe.dubois116@partner.example.com").
  const cells = await userCells(p, group);
  expect(cells.length).toBeGreaterThan(5);
  expect(cells.filter((c) => c.cut), 'User cells cut at 1280 px').toEqual([]);
  await shot(p, 'trust-details-group-users-1280');

  // Narrower than any layout is made for: a cut cell still gives the whole person on hover.
  await p.setViewportSize({ width: 1000, height: 720 });
  try {
    await expect.poll(async () => (await userCells(p, group)).filter((c) => c.cut).length).toBeGreaterThan(0);
    const cutText = (await userCells(p, group)).find((c) => c.cut)!.text;
    const person = grid.getByRole('gridcell').filter({ hasText: cutText }).first().locator('span').first();
    await person.hover();
    const [name, email] = cutText.split(/\s+/).reduce<[string, string]>(([n, e], w) => (w.includes('@') ? [n, w] : [`${n} ${w}`.trim(), e]), ['', '']);
    await expect(person).toHaveAttribute('title', `${name} (${email})`);
    await shot(p, 'trust-details-group-users-1000');
  } finally {
    await p.setViewportSize({ width: 1280, height: 720 });
  }
});

test('Settings: each field of a real platform says what it wants, with no blank line between them', async () => {
  const p = page();
  await nav(p, 'Settings');
  await p.getByRole('radio', { name: /A real platform/ }).check();
  await expect(p.getByRole('textbox', { name: 'API token' })).toBeVisible();
  // From each field's last words (its help, or its box when it has none) to the next field's box.
  const layout = await p.locator('form').evaluate((form) =>
    Array.from(form.querySelectorAll('.MuiTextField-root')).map((f) => {
      const box = f.querySelector('.MuiInputBase-root')!.getBoundingClientRect();
      // MUI draws a blank help (' ') as a zero-width space: a line of nothing.
      const help = f.querySelector('.MuiFormHelperText-root')?.textContent?.replace(/[\s\u200b]/g, '') ? f.querySelector('.MuiFormHelperText-root') : null;
      return { top: box.top, bottom: help ? help.getBoundingClientRect().bottom : box.bottom, help: help?.textContent ?? null };
    }),
  );
  expect(layout).toHaveLength(3);
  for (const f of layout) expect(f.help, 'every field has its help').toBeTruthy();
  const gaps = layout.slice(1).map((f, i) => Math.round(f.top - layout[i]!.bottom));
  expect(Math.max(...gaps) - Math.min(...gaps), `gaps between fields ${gaps.join(', ')} px`).toBeLessThanOrEqual(2);
  await shot(p, 'trust-details-settings-remote');
  await axe(p, 'settings (a real platform)');
});

test('Sync: an empty queue draws no bar (a bar with nothing in it read as full) and says "Nothing to send."', async () => {
  const p = page();
  await nav(p, 'Sync');
  const summary = p.getByTestId('push-summary');
  const bar = p.getByRole('progressbar', { name: 'Push progress' });
  await expect(summary).toHaveText('Nothing to send.');
  await expect(bar).toHaveCount(0);
  await shot(p, 'trust-details-sync-empty');
  await axe(p, 'sync (nothing to send)');
});

test('Resources at 1440 and 1280: the detail panel shows its Share… button whole, says the eligibility once, and names each role holder by name and e-mail', async () => {
  const p = page();
  for (const width of [1440, 1280]) {
    await p.setViewportSize({ width, height: width === 1440 ? 900 : 720 });
    await nav(p, 'Resources');
    await expect(p.getByRole('tab', { name: /Roles \(\d+\)/ })).toBeVisible({ timeout: 45_000 });
    await p.getByRole('tab', { name: /Roles/ }).click();
    await p.getByRole('grid', { name: 'Roles' }).getByRole('row').filter({ hasText: 'Care Role 4' }).click();
    const detail = p.getByTestId('resource-detail');
    await expect(detail.getByRole('heading', { name: 'Care Role 4' })).toBeVisible();
    const share = detail.getByRole('button', { name: 'Share…' });
    await share.scrollIntoViewIfNeeded();
    const panel = (await detail.boundingBox())!;
    const button = (await share.boundingBox())!;
    expect(button.x + button.width, `Share… ends inside the panel at ${width}`).toBeLessThanOrEqual(panel.x + panel.width);
    expect(button.x + button.width, `Share… ends inside the window at ${width}`).toBeLessThanOrEqual(width);
    expect(await detail.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the panel does not scroll sideways').toBe(true);
    // The type's eligibility is said once: in the detail, not also above the table.
    const said = (await detail.getByTestId('eligibility').textContent())!;
    await expect(p.getByTestId('type-eligibility')).toHaveCount(0);
    await expect(p.locator('main').getByText(said, { exact: true })).toHaveCount(1);
    // Role holders as every screen shows a person: name, then e-mail.
    await expect(detail.getByTestId('role-holders').getByRole('listitem').first()).toHaveText(/^[A-Z]\S* [A-Z]\S* +\S+@\S+ (in group|directly on) /);
    await shot(p, `trust-details-resource-detail-${width}`);
  }
  await axe(p, 'resources (role detail)');
});

test('dark mode: the app bar is a dark band, not a glaring light-blue one; light mode keeps the brand blue', async () => {
  const p = page();
  /** WCAG relative luminance of the header's background. */
  const barLuminance = () =>
    p.getByRole('banner').evaluate((el) => {
      const [r, g, b] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
      const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    });
  await nav(p, 'Groups');
  try {
    await p.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(barLuminance).toBeLessThan(0.05);
    await p.emulateMedia({ colorScheme: 'light' });
    await expect.poll(barLuminance).toBeGreaterThan(0.05);
  } finally {
    await p.emulateMedia({ colorScheme: 'light' });
  }
});

test('Accounts filters in the real table: "Status: trial" shows only trial accounts, "All" all of them, and "Pending only" just the queued removals', async () => {
  const p = page();
  await nav(p, 'Groups');
  const group = await firstGroup(p);
  await p.getByTestId(`group-item-${group}`).click();
  await p.getByRole('tab', { name: 'Accounts' }).click();
  const grid = p.getByRole('grid', { name: `Accounts in ${group}` });
  await expect(grid.locator('[aria-rowindex="3"]')).toBeVisible({ timeout: 45_000 });
  const rowCount = async () => Number(await grid.getAttribute('aria-rowcount')) - 1;
  const total = await rowCount();
  /** Picks a choice from the menu; the closed box then reads `shownAs`, whole (not cut with an ellipsis). */
  const show = async (choice: string, shownAs: string) => {
    const box = p.getByRole('combobox', { name: 'Show' });
    await box.click();
    await p.getByRole('option', { name: choice, exact: true }).click();
    await expect(box).toHaveText(shownAs);
    expect(await box.evaluate((el) => el.scrollWidth <= el.clientWidth), `"${shownAs}" fits the Show box`).toBe(true);
  };
  /** The Status cell of every row drawn. */
  const statuses = () => grid.locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"]) [role="gridcell"]:nth-child(3)').allTextContents();

  // One status: only its accounts, all of them drawn; "All" brings the whole group back.
  await show('Status: trial', 'trial');
  await expect.poll(rowCount).toBeLessThan(total);
  const trials = await rowCount();
  expect(trials, 'the partner tier has trial accounts in the group').toBeGreaterThan(0);
  // Every row drawn, at the top and at the end of the list, is a trial account.
  await expect.poll(async () => (await statuses()).length).toBeGreaterThan(0);
  expect(new Set(await statuses())).toEqual(new Set(['trial']));
  await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(grid.locator(`[aria-rowindex="${trials + 1}"]`)).toBeVisible();
  expect(new Set(await statuses())).toEqual(new Set(['trial']));
  await grid.evaluate((el) => el.scrollTo(0, 0));
  await shot(p, 'trust-details-filter-trial');
  await show('All', 'All');
  await expect.poll(rowCount).toBe(total);

  // Pending only: offline, two removals stay queued; the filter shows exactly those two, struck through.
  await workOffline(p, true);
  try {
    await nav(p, 'Groups');
    await expect(grid.locator('[aria-rowindex="3"]')).toBeVisible({ timeout: 45_000 });
    await show('Pending only', 'Pending');
    await expect(grid).toHaveAttribute('aria-rowcount', '1');
    await expect(p.getByText('No account matches the search and filters.')).toBeVisible();
    await show('All', 'All');
    await grid.locator('[aria-rowindex="2"]').click();
    await grid.locator('[aria-rowindex="3"]').click({ modifiers: ['Shift'] });
    await expect(p.getByTestId('selection-count')).toHaveText('2 selected');
    const picked = (await grid.locator('[aria-rowindex="2"], [aria-rowindex="3"]').locator('[role="gridcell"]:first-child').allTextContents()).sort();
    await p.getByRole('button', { name: 'Remove from group' }).click();
    const dialog = p.getByRole('dialog', { name: /^Preview: Remove/ });
    const confirm = dialog.getByRole('checkbox', { name: /I have checked the list/ });
    await expect(dialog.getByRole('button', { name: /^Apply/, disabled: false }).or(confirm)).toBeVisible({ timeout: 45_000 });
    if (await confirm.isVisible()) await confirm.check();
    await dialog.getByRole('button', { name: /^Apply/ }).click();
    await expect(dialog).toBeHidden();
    await show('Pending only', 'Pending');
    await expect(grid).toHaveAttribute('aria-rowcount', '3');
    const pending = grid.getByRole('row').filter({ hasText: 'Pending removal' });
    await expect(pending).toHaveCount(2);
    expect((await pending.locator('[role="gridcell"]:first-child').allTextContents()).sort()).toEqual(picked);
    await shot(p, 'trust-details-filter-pending');
    await p.emulateMedia({ colorScheme: 'dark' });
    await shot(p, 'trust-details-filter-pending-dark');
    await axe(p, 'groups accounts (pending only, dark)');
    await p.emulateMedia({ colorScheme: 'light' });
    await show('All', 'All');
    await expect.poll(rowCount).toBe(total);
  } finally {
    await p.emulateMedia({ colorScheme: 'light' });
    await workOffline(p, false);
  }
});
