import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { EXAMPLE } from '../../shared/seeds/example';
import { BUILT_IN_ROLE_IDS } from '../../shared/seeds/builtInRoles';
import { platformPost, platformQuery } from './support/host';
import { axe, nav, workOffline } from './support/screens';
import { specHosts } from './support/session';

/**
 * Offline review: offline, save a baseline; change the layout on the platform behind the app's
 * back, refresh, offline again, compare (the change, its access effect and when it changed),
 * mark two removes, make the plan, see the preview, queue it; back online it lands and History
 * dates the removes. Then export CSV and PDF and read them back.
 */
const SHOTS = 'test-results';
const SERVICES_1 = EXAMPLE.groups.services1;
const GHI = 'docghi-2MV6QS';
const U1 = 'ServUser1@boomi.com';
const U3 = 'ServUser3@boomi.com';
const hosts = specHosts();

const api = async (path: string, body: unknown) => {
  const res = await platformPost(hosts.platform, path, JSON.stringify(body));
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
};
const downloaded = async (page: Page, click: () => Promise<void>): Promise<string> => {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return (await d.path())!;
};

test('review: baseline, drift on the platform, compare offline, two removes → plan → applied online; CSV and PDF read back', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(hosts.web.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await nav(page, 'Review');
  await expect(page.getByTestId('review-stamp')).toHaveText(/^as of \d\d:\d\d, no changes pending$/);

  // Account view, routable by account id. No baseline yet: when a row last changed is unknown.
  const openGhi = async () => {
    await page.getByLabel('Open account').fill('GHI');
    await page.getByRole('option', { name: 'Doc GHI Company' }).click();
    await expect(page.getByRole('heading', { name: 'Doc GHI Company' })).toBeVisible();
  };
  await openGhi();
  await expect(page.getByRole('table', { name: 'Users who reach the account' }).getByRole('row').filter({ hasText: U1 })).toContainText('Support');
  await expect(page.getByRole('table', { name: 'Groups of the account' }).getByRole('row').filter({ hasText: 'Services 2' }))
    .toContainText(/Last change: unknown: before the oldest snapshot \(the refresh of \d{1,2} \w{3} \d\d:\d\d\)/);
  await page.screenshot({ path: `${SHOTS}/review-account.png` });
  await axe(page, 'Review: account view');

  // Offline from here on, but for the platform's change and the refresh that reads it.
  await workOffline(page, true);
  await nav(page, 'Review');
  await page.getByRole('tab', { name: 'Baselines' }).click();
  await page.getByLabel('Baseline name').fill('Before drift');
  await page.getByRole('button', { name: 'Save baseline' }).click();
  await expect(page.getByRole('list', { name: 'Baselines' })).toContainText('Before drift');
  await page.screenshot({ path: `${SHOTS}/review-baselines.png` });
  await axe(page, 'Review: baselines');

  // Someone changes the layout on the platform: GHI joins Services 1, ServUser3 gets Standard User there.
  await api('AccountGroupAccount', { '@type': 'AccountGroupAccount', accountGroupId: SERVICES_1, accountId: GHI });
  await api('AccountGroupUserRole', { '@type': 'AccountGroupUserRole', accountGroupId: SERVICES_1, userId: U3, roleId: BUILT_IN_ROLE_IDS['Standard User'] });
  await workOffline(page, false);
  await page.getByRole('button', { name: 'Refresh from the platform' }).click();
  // The refresh has landed when the cached account view shows GHI in Services 1.
  await nav(page, 'Review');
  await page.getByRole('tab', { name: 'Account' }).click();
  await openGhi();
  await expect(page.getByRole('table', { name: 'Groups of the account' })).toContainText('Services 1', { timeout: 30_000 });
  await workOffline(page, true);

  await nav(page, 'Review');
  await page.getByRole('tab', { name: 'Baselines' }).click();
  await page.getByRole('button', { name: 'Compare Before drift with now' }).click();
  const changes = page.getByRole('list', { name: 'Structural changes' });
  await expect(changes).toContainText('Doc GHI Company added to Services 1', { timeout: 30_000 });
  await expect(changes).toContainText(`${U3} given Standard User in Services 1`);
  await expect(page.getByRole('list', { name: 'Access diff' })).toContainText(`${U1} on Doc GHI Company: Support → Standard User, Support`);
  // When it last changed: between the baseline and the refresh, on the platform (no plan of ours).
  await expect(changes.getByRole('listitem').filter({ hasText: 'Doc GHI Company added to Services 1' }))
    .toContainText(/Last change: added on the platform between the baseline "Before drift" of \d{1,2} \w{3} \d\d:\d\d and the refresh of \d{1,2} \w{3} \d\d:\d\d/);
  await page.screenshot({ path: `${SHOTS}/review-compare.png`, fullPage: true });
  await axe(page, 'Review: compare with a baseline');

  await page.getByRole('button', { name: 'Remove Doc GHI Company added to Services 1' }).click();
  await page.getByRole('button', { name: `Remove ${U3} given Standard User in Services 1` }).click();

  // Matrix (groups × accounts): a cell's context and a Keep with a note (keeps change no plan).
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await page.getByLabel('Filter groups').fill('Services');
  await expect(page.getByTestId('matrix-size')).toHaveText('5 accounts × 2 groups');
  const abcInS1 = 'Doc ABC Company in Services 1';
  await page.getByRole('grid', { name: 'Groups × accounts' }).getByRole('gridcell', { name: abcInS1, exact: true }).click();
  const cell = page.getByRole('region', { name: 'Matrix cell' });
  await expect(cell.getByTestId('removal-effect')).toContainText('lose a role');
  await expect(cell.getByTestId('last-changed')).toContainText('Last change: not changed since the baseline "Before drift" of');
  await cell.getByRole('button', { name: `Keep ${abcInS1}` }).click();
  await expect(cell.getByRole('button', { name: `Keep ${abcInS1}` })).toHaveAttribute('aria-pressed', 'true');
  await cell.getByLabel(`Note for ${abcInS1}`).fill('Contracted support');
  await cell.getByLabel(`Note for ${abcInS1}`).press('Enter');
  await expect(page.getByRole('gridcell', { name: abcInS1, exact: true })).toHaveText('● ✓');
  await page.screenshot({ path: `${SHOTS}/review-matrix.png` });
  await axe(page, 'Review: matrix with a cell open');
  await page.getByRole('button', { name: 'Users × groups' }).click();
  const roles = page.getByRole('grid', { name: 'Users × groups' });
  await expect(roles.getByRole('gridcell', { name: `${U3} in Services 1: Standard User`, exact: true })).toBeVisible();
  // Its cells sit under their group's header (its columns are wider than the membership view's).
  const header = await roles.getByRole('columnheader', { name: 'Services 2' }).boundingBox();
  const below = await roles.getByRole('gridcell', { name: `${U3} in Services 2: Standard User`, exact: true }).boundingBox();
  expect(Math.abs(header!.x - below!.x)).toBeLessThan(1);
  expect(Math.abs(header!.width - below!.width)).toBeLessThan(1);
  await page.screenshot({ path: `${SHOTS}/review-matrix-roles.png` });

  // Side by side: two users, differences only.
  await page.getByRole('tab', { name: 'Side by side' }).click();
  await page.getByLabel('First user').fill('ServUser1');
  await page.getByRole('option', { name: /ServUser1@/ }).click();
  await page.getByLabel('Second user').fill('ServUser3');
  await page.getByRole('option', { name: /ServUser3@/ }).click();
  const side = page.getByRole('grid', { name: 'Serv User1 and Serv User3 side by side' });
  await expect(side.getByRole('row').filter({ hasText: 'Services 2' }).first()).toContainText('Standard User');
  await expect(side).not.toContainText('All Accounts');
  await page.screenshot({ path: `${SHOTS}/review-side-by-side.png` });
  await axe(page, 'Review: side by side');

  await page.getByRole('tab', { name: 'Decisions' }).click();
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByLabel('Note for Doc ABC Company in group Services 1')).toHaveValue('Contracted support');
  await page.getByLabel('Reviewer').fill('reviewer@boomi.com');
  await expect(page.getByLabel('Reviewer')).toHaveValue('reviewer@boomi.com');
  await page.getByRole('button', { name: 'Make plan' }).click();
  const preview = page.getByRole('dialog', { name: /Preview/ });
  // The two removes, and what they do to access.
  await expect(preview.getByTestId('plan-ops')).toContainText(/Remove 1 account from “Services 1”: Doc GHI Company/);
  await expect(preview.getByTestId('plan-ops')).toContainText(/Take (the role )?Standard User in “Services 1” from Serv ?User3/);
  await expect(preview.getByRole('region', { name: 'Access changes' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-plan-preview.png` });
  await preview.getByRole('button', { name: /Apply|Queue/ }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('review-stamp')).toHaveText(/2 changes pending/);
  // Made again it would change nothing: Make plan is disabled, and says why.
  const makePlan = page.getByRole('button', { name: 'Make plan' });
  await expect(makePlan).toBeDisabled();
  await expect(makePlan).toHaveAccessibleDescription('Nothing left to remove: the review’s plan is queued (2 ops) and is sent when online.');
  await page.screenshot({ path: `${SHOTS}/review-decisions.png` });

  // Back online, the plan lands on the platform.
  await workOffline(page, false);
  await expect
    .poll(async () => (await platformQuery<{ accountGroupId: string; accountId: string }>(hosts.platform, 'AccountGroupAccount')).some((l) => l.accountGroupId === SERVICES_1 && l.accountId === GHI), { timeout: 30_000 })
    .toBe(false);
  await expect
    .poll(async () => (await platformQuery<{ accountGroupId: string; userId: string }>(hosts.platform, 'AccountGroupUserRole')).some((l) => l.accountGroupId === SERVICES_1 && l.userId === U3), { timeout: 30_000 })
    .toBe(false);

  // History now dates the removes: the plan changed them (the baseline and the refresh agree, yet it did).
  await nav(page, 'Review');
  await page.getByRole('tab', { name: 'Decisions' }).click();
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem').filter({ hasText: 'Doc GHI Company in group Services 1' }))
    .toContainText(/Last change: removed by your plan applied \d{1,2} \w{3} \d\d:\d\d/, { timeout: 30_000 });
  // The review's record keeps the plan's outcome from History.
  await expect(page.getByText(/^Plan: applied \d{1,2} \w{3} \d\d:\d\d: 2 applied$/)).toBeVisible();
  await expect(makePlan).toBeDisabled();
  await expect(makePlan).toHaveAccessibleDescription(/^Nothing left to remove: the review’s plan removed it all \(applied \d{1,2} \w{3} \d\d:\d\d: 2 applied\)\.$/);
  await page.screenshot({ path: `${SHOTS}/review-decisions-applied.png` });
  await axe(page, 'Review: decisions');

  // Exports: the layout CSV (DESIGN.md header) and the PDF, read back.
  await nav(page, 'Review');
  const csv = readFileSync(await downloaded(page, () => page.getByRole('button', { name: 'Export CSV' }).click()), 'utf8').trim().split('\n');
  expect(csv[0]).toBe('group,kind,id,name,roles');
  expect(csv).toContain(`Services 1,user,${U1},Serv User1,Standard User`);
  const pdf = await downloaded(page, () => page.getByRole('button', { name: 'Export PDF' }).click());
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  expect(text).toContain('Group: Services 1');
  expect(text).toContain('Account: Doc GHI Company');
  expect(text).toContain('Reviewer reviewer@boomi.com');
  expect(text).toMatch(/remove\s+Doc GHI Company in group Services 1/);
  for (const p of text.split('\f').filter((x) => x.trim())) expect(p).toMatch(/as of \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
});
