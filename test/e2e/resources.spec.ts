import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { specSession } from './support/session';
import { axe, shot } from './support/screens';

/**
 * Resources (R15, R16, R19–R24) on the partner tier (custom roles shared with groups,
 * clouds, integration packs, the published catalogue): which groups share each resource,
 * eligibility in words, share → preview → Apply, unshare with the R20 lock-out confirmation,
 * and R21's refusal naming the holders.
 */

const session = specSession('partner');

const openResources = async (p: Page) => {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Resources' }).click();
  // The Roles tab counts the custom roles once the partner tier is in the cache.
  await expect(p.getByRole('tab', { name: /Roles \(5\)/ })).toBeVisible({ timeout: 45_000 });
  await p.getByRole('tab', { name: /Roles/ }).click();
};

const row = (page: Page, grid: string, text: string) => page.getByRole('grid', { name: grid }).getByRole('row').filter({ hasText: text });

test('R22–R24 + R15/R16/R19: types, groups sharing each, eligibility and AUS state', async () => {
  await openResources(session.page);
  await expect(session.page.getByTestId('aus-primary')).toContainText('Advanced User Security on the primary account: on');
  await expect(session.page.getByText('117 of 979 member accounts have AUS off')).toBeVisible();
  await expect(row(session.page, 'Roles', 'Onboarding Role 5')).toContainText('Integration 3, Managed 2');
  await row(session.page, 'Roles', 'Services Role 2').click();
  const detail = session.page.getByTestId('resource-detail');
  await expect(detail.getByTestId('shared-name')).toHaveText('Services Role 2 (shared)');
  await expect(detail.getByRole('list', { name: 'Groups sharing this resource' })).toContainText('Services 8');
  await expect(detail).toContainText('Held by');
  await shot(session.page, 'resources-roles');
  await axe(session.page, 'resources (roles)');

  await session.page.getByRole('tab', { name: /Atom Clouds/ }).click();
  await expect(row(session.page, 'Atom Clouds', 'Partner Cloud 1')).toContainText('Managed 16, Onboarding 12, Region 4, Services 18');
  await row(session.page, 'Atom Clouds', 'Partner Cloud 2').click();
  await expect(session.page.getByTestId('eligibility')).toContainText('added and installed in the primary account.');
  await expect(session.page.getByTestId('resource-detail')).toContainText('No group shares it.');

  await session.page.getByRole('tab', { name: /Connectors/ }).click();
  await expect(row(session.page, 'Connectors', 'Connector 1')).toContainText('No — Connector "Connector 1" is not released');
  await row(session.page, 'Connectors', 'Connector 1').click();
  await expect(session.page.getByTestId('eligibility')).toContainText('Connector "Connector 1" is not released');
  await expect(session.page.getByRole('button', { name: 'Share…' })).toHaveCount(0);
  await shot(session.page, 'resources-connectors');
  await axe(session.page, 'resources (connectors)');
});

test('R15: share Care Role 4 with Managed 16 → preview → Apply queues it, and the group shows at once', async () => {
  await openResources(session.page);
  await row(session.page, 'Roles', 'Care Role 4').click();
  const detail = session.page.getByTestId('resource-detail');
  const picker = session.page.getByRole('combobox', { name: 'Share with group' });
  await picker.click();
  await picker.fill('Managed 16');
  await session.page.getByRole('option', { name: /Managed 16/ }).click();
  await expect(detail).toContainText('28 accounts of this group have Advanced User Security off');
  await detail.getByRole('button', { name: 'Share…' }).click();
  const dialog = session.page.getByRole('dialog', { name: /Preview: Share “Care Role 4” with “Managed 16”/ });
  await expect(dialog.getByTestId('plan-ops')).toContainText('Share Role “Care Role 4” with “Managed 16”.');
  await expect(dialog).toContainText('No one gains or loses access.');
  await shot(session.page, 'resources-share-preview');
  await dialog.getByRole('button', { name: /Apply/ }).click();
  await expect(dialog).toBeHidden();
  await expect(session.page.getByRole('status').filter({ hasText: 'Queued: Share “Care Role 4” with “Managed 16”' })).toBeVisible();
  await expect(detail.getByRole('list', { name: 'Groups sharing this resource' })).toContainText('Managed 16');
  await expect(row(session.page, 'Roles', 'Care Role 4')).toContainText('Integration 11, Managed 16');
});

test('R20: unsharing Services Role 2 from Services 8 lists the lock-outs and needs a confirmation', async () => {
  await openResources(session.page);
  await row(session.page, 'Roles', 'Services Role 2').click();
  await session.page.getByRole('button', { name: 'Unshare from Services 8' }).click();
  const dialog = session.page.getByRole('dialog', { name: /Preview: Stop sharing “Services Role 2” with “Services 8”/ });
  await expect(dialog).toContainText('Every user of “Services 8”’s accounts who holds “Services Role 2 (shared)” loses it');
  await expect(dialog.getByTestId('lockouts')).toContainText('379 locked out');
  // R20 names the users left with no roles in a table, most affected first, each by name and
  // e-mail; Apply says why it waits.
  await expect(dialog.getByTestId('locked-users').getByRole('row').nth(1)).toHaveAccessibleName(/^[A-Z][a-z]+ [A-Z][a-z]+ \S+@partner\.example\.com\s*\d+$/);
  const apply = dialog.getByRole('button', { name: /Apply/ });
  await expect(apply).toBeDisabled();
  await expect(dialog.getByTestId('apply-reason')).toHaveText('Confirm the 379 lock-outs above to apply.');
  // The preview summarises by who and what, over every pair, not a sample of lines.
  const summary = dialog.getByTestId('access-summary');
  await expect(summary).toContainText('6 users are locked out of');
  await expect(summary).toContainText(/\d+ users lose Services Role 2 \(shared\) on 212 accounts/);
  const losses = dialog.getByTestId('losses');
  const lossCount = Number((await losses.getByRole('heading').textContent())!.replace(/\D/g, ''));
  expect(lossCount).toBeGreaterThan(212);
  await expect(losses.getByRole('grid', { name: 'Losses by role' }).getByRole('row', { name: /^Services Role 2 \(shared\)/ })).toBeVisible();
  // Every change: the full list, loaded on demand, searchable.
  await losses.getByRole('button', { name: 'Every change' }).click();
  const every = losses.getByRole('grid', { name: 'Losses: every change' });
  await expect(every).toHaveAttribute('aria-rowcount', String(lossCount + 1));
  await losses.getByRole('textbox', { name: 'Search losses' }).fill('grace.novak199');
  await expect(every.getByRole('row').nth(1)).toHaveAccessibleName(/^Grace Novak \(grace\.novak199@partner\.example\.com\) on /);
  // The CSV holds every pair of the three lists.
  const [download] = await Promise.all([session.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('change,userId,userName,accountId,account,roles,via');
  expect(csv.find((l) => l.includes('grace.novak199@partner.example.com'))).toMatch(/^[a-z ]+,grace\.novak199@partner\.example\.com,Grace Novak,/);
  const gains = Number((await dialog.getByTestId('gains').getByRole('heading').textContent())!.replace(/\D/g, ''));
  expect(csv.length - 1).toBe(gains + lossCount + 379);
  expect(csv.filter((l) => l.startsWith('locked out,'))).toHaveLength(379);
  await shot(session.page, 'resources-unshare-lockouts');
  await axe(session.page, 'resources (unshare preview)');
  await dialog.getByRole('checkbox', { name: /will be left with no roles and locked out/ }).check();
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(dialog).toBeHidden();
  await expect(session.page.getByRole('status').filter({ hasText: 'Queued: Stop sharing “Services Role 2”' })).toBeVisible();
  await expect(session.page.getByTestId('resource-detail')).toContainText('No group shares it.');
});

test('R21: deleting a custom role that is held is refused, naming the holders', async () => {
  await openResources(session.page);
  await row(session.page, 'Roles', 'Support Role 3').click();
  await session.page.getByRole('button', { name: 'Delete role…' }).click();
  const dialog = session.page.getByRole('dialog', { name: 'Delete the role “Support Role 3”' });
  await expect(dialog.getByTestId('refusal')).toContainText('R21: "Support Role 3" is still held by');
  await expect(dialog.getByTestId('refusal')).toContainText('@partner.example.com');
  await shot(session.page, 'resources-delete-refused');
  await axe(session.page, 'resources (delete refused)');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

/** Types into an explorer picker and takes the one matching option. */
const pick = async (p: Page, label: 'User' | 'Account', text: string, option: RegExp) => {
  const box = p.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(text);
  await p.getByRole('option', { name: option }).click();
};

test('Explorer on the partner tier: R12 SSO, R16 “(shared)”, R9 ignored roles and R10 cap in plain sentences', async () => {
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Access explorer' }).click();
  const explanation = session.page.getByTestId('explanation');

  await pick(session.page, 'User', 'chloe.jensen41', /chloe\.jensen41@/);
  await pick(session.page, 'Account', 'c0000-VZP9QR', /Blue Energy 0/);
  await expect(explanation).toContainText('Way in: SSO through a group');
  await expect(explanation.getByTestId('reasons')).toContainText('R12: this account is SSO-enabled and the user is in a group of the primary account');
  await expect(explanation.getByTestId('effective-roles')).toContainText('Onboarding Role 5 (shared) — from group “Managed 2”');
  await shot(session.page, 'explorer-partner-sso-shared');
  await axe(session.page, 'explorer (partner tier explanation)');

  await pick(session.page, 'User', 'nils.ito70', /nils\.ito70@/);
  await pick(session.page, 'Account', 'c0007-EWTLDE', /Northwind Retail 7/);
  await expect(explanation).toContainText('Way in: Direct (User Management)');
  await expect(explanation.getByTestId('ignored-roles')).toContainText('Support from group “Services 6”: R9: ignored because direct access wins');

  await pick(session.page, 'User', 'ana.adams76', /ana\.adams76@/);
  await pick(session.page, 'Account', 'c000h-TBFVHE', /Pioneer Motors 17/);
  await expect(explanation.getByTestId('cap')).toContainText(
    'Support Access Role “Production Support” caps this user’s group access; removed privileges: ATOM_MANAGEMENT, BUILD, PACKAGE_MANAGEMENT, TEST_MODE.',
  );
  await shot(session.page, 'explorer-partner-cap');
});

test('R9 report on the partner tier: redundant direct roles listed; a row opens the explanation with the ignored group role', async () => {
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Access explorer' }).click();
  await session.page.getByRole('tab', { name: 'Redundant direct access' }).click();
  await expect(session.page.getByRole('heading', { name: /Redundant direct access \([1-9]\d*\)/ })).toBeVisible();
  const row = session.page.getByRole('grid', { name: 'Redundant direct roles' }).getByRole('row').filter({ hasText: 'grace.mensah0@partner.example.com' });
  await expect(row).toContainText('Atlas Farms 64');
  await expect(row).toContainText('Administrator');
  await shot(session.page, 'explorer-partner-redundant');
  await axe(session.page, 'explorer (partner redundant report)');
  await row.click();
  const explanation = session.page.getByTestId('explanation');
  await expect(explanation).toContainText('Way in: Direct (User Management)');
  await expect(explanation.getByTestId('ignored-roles')).toContainText('Administrator from group');
  await expect(explanation.getByTestId('ignored-roles')).toContainText('R9: ignored because direct access wins');
});

test('dark mode follows the OS: Resources and its unshare preview stay readable (axe)', async () => {
  await session.page.emulateMedia({ colorScheme: 'dark' });
  await openResources(session.page);
  await row(session.page, 'Roles', 'Onboarding Role 5').click();
  await shot(session.page, 'resources-dark');
  await axe(session.page, 'resources (dark)');
  await session.page.getByRole('button', { name: 'Unshare from Managed 2' }).click();
  const dialog = session.page.getByRole('dialog', { name: /Preview: Stop sharing “Onboarding Role 5” with “Managed 2”/ });
  await expect(dialog.getByTestId('lockouts')).toBeVisible();
  await shot(session.page, 'resources-dark-unshare');
  await axe(session.page, 'resources (dark, unshare preview)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await session.page.emulateMedia({ colorScheme: 'light' });
});
