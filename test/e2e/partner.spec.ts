import { expect, test, type Page } from '@playwright/test';
import { specSession } from './support/session';
import { axe, shot } from './support/screens';

/**
 * Partner access (R25–R29) on the partner tier: the services table, a service's
 * accounts and users, select accounts → Grant access… / Revoke access… → the R26 / R27 picker (search,
 * Current access, exclusions) → Grant / Revoke → confirmation → banner.
 */

const session = specSession('partner');

const services = (p: Page) => p.getByRole('grid', { name: 'Partner services' });
const accounts = (p: Page) => p.getByRole('grid', { name: 'Accounts of Service 1' });
const pickerRows = (p: Page) => p.getByRole('grid', { name: 'Users to pick' }).getByRole('row').filter({ hasNot: p.getByRole('columnheader') });

const openService1 = async (p: Page) => {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Partner access' }).click();
  const row = services(p).getByRole('row').filter({ hasText: 'Globex Group 1' });
  await expect(row).toContainText('Service 1');
  await row.click();
  await expect(p.getByRole('heading', { name: 'Service 1 · Globex Group 1' })).toBeVisible();
};

/** Two accounts: Femi Fischer has both, Ana Fischer one, most users none. */
const selectTwoAccounts = async (p: Page) => {
  await accounts(p).getByRole('row').filter({ hasText: 'Atlas Media 2' }).click();
  await accounts(p).getByRole('row').filter({ hasText: 'Atlas Systems 9' }).click({ modifiers: ['Control'] });
  await expect(p.getByText('2 selected')).toBeVisible();
};

test('R29: services table (partner organisation, number of accounts) and a service’s accounts with their users', async () => {
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Partner access' }).click();
  await expect(services(session.page).getByRole('row').filter({ hasNot: session.page.getByRole('columnheader') })).toHaveCount(2);
  await expect(services(session.page).getByRole('row').filter({ hasText: 'Globex Group 1' })).toContainText('10');
  await shot(session.page, 'partner-services');
  await axe(session.page, 'partner (services)');
  await openService1(session.page);
  await expect(accounts(session.page).getByRole('row').filter({ hasNot: session.page.getByRole('columnheader') })).toHaveCount(10);
  await expect(accounts(session.page).getByRole('row').filter({ hasText: 'Atlas Media 2' })).toContainText('Femi Fischer');
  // One way to show a person: name and e-mail, so the two Ana Fischers are told apart; each on
  // its own line, all of it inside the row (a row is as tall as its people).
  await expect(accounts(session.page).getByRole('row').filter({ hasText: 'Atlas Systems 9' })).toContainText('Ana Fischer ana.fischer17@partner.example.com');
  const cells = await accounts(session.page).evaluate((grid) =>
    Array.from(grid.querySelectorAll('[role="row"][aria-rowindex]:not([aria-rowindex="1"])')).map((row) => {
      const [, count, people] = Array.from(row.querySelectorAll('[role="gridcell"]'));
      const lines = Array.from(people!.querySelectorAll(':scope > * > *'));
      const inside = (el: Element) => el.getBoundingClientRect().bottom <= row.getBoundingClientRect().bottom + 0.5;
      return {
        count: Number(count!.textContent),
        emails: (people!.textContent!.match(/@/g) ?? []).length,
        more: /and (\d+) more/.exec(people!.textContent!)?.[1] ?? null,
        cut: lines.filter((l) => l.scrollWidth > l.clientWidth || !inside(l)).length,
      };
    }),
  );
  expect(cells).toHaveLength(10);
  for (const c of cells) {
    expect(c.cut, 'people lines cut or outside their row').toBe(0);
    // Five lines at most: "and 2 more" stands for the rest (listed whole on hover).
    if (c.more === null) expect(c.emails).toBe(c.count);
    else expect(c.emails + Number(c.more)).toBe(c.count);
  }
  await shot(session.page, 'partner-service-detail');
  await axe(session.page, 'partner (service detail)');
});

test('R26: Grant access… lists users with no or partial access, searchable, with Current access; grant → confirm → banner', async () => {
  await selectTwoAccounts(session.page);
  await session.page.getByRole('button', { name: 'Grant access…' }).click();
  const dialog = session.page.getByRole('dialog', { name: 'Grant access: 2 selected accounts' });
  await expect(dialog).toBeVisible();
  // Femi Fischer already has both accounts: left out (R26). Ana Fischer has one of two.
  const search = dialog.getByRole('textbox', { name: 'Search by name or e-mail' });
  await search.fill('fischer');
  await expect(pickerRows(session.page).filter({ hasText: 'femi.fischer78@partner.example.com' })).toHaveCount(0);
  await expect(pickerRows(session.page).filter({ hasText: 'ana.fischer17@partner.example.com' })).toContainText('1 of 2');
  await search.fill('ana.adams76@');
  await expect(pickerRows(session.page)).toHaveCount(1);
  await expect(pickerRows(session.page)).toContainText('0 of 2');
  await pickerRows(session.page).click();
  await expect(dialog.getByRole('status')).toHaveText('1 user picked.');
  await shot(session.page, 'partner-grant-picker');
  await axe(session.page, 'partner (grant picker)');
  await dialog.getByRole('button', { name: 'Grant access' }).click();

  const confirm = session.page.getByRole('dialog', { name: 'Preview: Grant partner access' });
  await expect(confirm.getByTestId('plan-ops')).toContainText(/Grant Ana Adams \(ana\.adams\d+@partner\.example\.com\) access to 2 accounts of service “Service 1”/);
  await expect(confirm.getByTestId('gains')).toContainText('Gains (2)');
  await shot(session.page, 'partner-grant-confirm');
  await confirm.getByRole('button', { name: 'Confirm: grant access' }).click();
  await expect(session.page.getByTestId('partner-banner')).toContainText('Access granted: 1 user to 2 accounts');
  await expect(accounts(session.page).getByRole('row').filter({ hasText: 'Atlas Media 2' })).toContainText('Ana Adams');
  await shot(session.page, 'partner-granted-banner');
});

test('R27: Revoke access… lists users with full or partial access only; revoke the selected accounts → confirm → banner', async () => {
  await selectTwoAccounts(session.page);
  await session.page.getByRole('button', { name: 'Revoke access…' }).click();
  const dialog = session.page.getByRole('dialog', { name: 'Revoke access: 2 selected accounts' });
  const search = dialog.getByRole('textbox', { name: 'Search by name or e-mail' });
  await search.fill('Fischer');
  await expect(pickerRows(session.page).filter({ hasText: 'femi.fischer78@partner.example.com' })).toContainText('2 of 2');
  await expect(pickerRows(session.page).filter({ hasText: 'ana.fischer17@partner.example.com' })).toContainText('1 of 2');
  // Nobody without access is listed (R27): Ana Costa has none of the two.
  await search.fill('ana.costa121');
  await expect(dialog.getByText('No user matches the search.')).toBeVisible();
  await search.fill('femi.fischer78');
  await pickerRows(session.page).click();
  await shot(session.page, 'partner-revoke-picker');
  await dialog.getByRole('button', { name: 'Revoke access' }).click();
  const confirm = session.page.getByRole('dialog', { name: 'Preview: Revoke partner access' });
  await expect(confirm.getByTestId('plan-ops')).toContainText('Revoke the access of Femi Fischer (femi.fischer78@partner.example.com) to 2 accounts');
  await expect(confirm.getByTestId('lockouts')).toContainText('2 locked out');
  // One lock-out pattern: a table of the users left with no roles, and Apply saying why it waits.
  await expect(confirm.getByTestId('locked-users').getByRole('row', { name: /^Femi Fischer femi\.fischer78@partner\.example\.com\s*2$/ })).toBeVisible();
  await expect(confirm.getByTestId('apply-reason')).toHaveText('Confirm the 2 lock-outs above to apply.');
  await confirm.getByRole('checkbox').check();
  await axe(session.page, 'partner (revoke confirmation)');
  await confirm.getByRole('button', { name: 'Confirm: revoke access' }).click();
  await expect(session.page.getByTestId('partner-banner')).toContainText('Access revoked: 1 user from 2 accounts');
  await expect(accounts(session.page).getByRole('row').filter({ hasText: 'Atlas Media 2' })).not.toContainText('Femi Fischer');
  await shot(session.page, 'partner-revoked-banner');
});
