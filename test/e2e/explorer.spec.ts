import { expect, test, type Page } from '@playwright/test';
import { platformQuery } from './support/host';
import { specHosts } from './support/session';
import { axe, shot } from './support/screens';

/**
 * Access explorer: the seed 002 worked example through the UI (ServUser1 has Standard
 * User + Support on Doc ABC, only Support on Doc GHI), who reaches an account, the redundant
 * direct access report, and a Support Access Role change previewed and queued (R10).
 */

const hosts = specHosts();

const openExplorer = async (page: Page) => {
  await page.goto(hosts.web.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Access explorer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Access explorer' })).toBeVisible();
};

/** Types into a picker as an admin would and takes the one matching option. */
const pick = async (page: Page, label: 'User' | 'Account', text: string, option: RegExp) => {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(text);
  await page.getByRole('option', { name: option }).click();
};

const reachRow = (page: Page, account: string) =>
  page.getByRole('grid', { name: 'Accounts ServUser1@boomi.com reaches' }).getByRole('row').filter({ hasText: account });

test('R7 + R8 seed 002: ServUser1 reaches all four accounts; Standard User + Support on Doc ABC, only Support on Doc GHI', async ({ page }) => {
  await openExplorer(page);
  await axe(page, 'explorer (empty)');
  await pick(page, 'User', 'servuser1', /ServUser1@boomi\.com/);
  const grid = page.getByRole('grid', { name: 'Accounts ServUser1@boomi.com reaches' });
  await expect(grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') })).toHaveCount(4);
  await expect(reachRow(page, 'Doc ABC Company')).toContainText('Standard User, Support');
  await expect(reachRow(page, 'Doc DEF Company')).toContainText('Standard User, Support');
  await expect(reachRow(page, 'Doc GHI Company')).toContainText('Support');
  await expect(reachRow(page, 'Doc GHI Company')).not.toContainText('Standard User');
  await expect(reachRow(page, 'Doc JKL Company')).toContainText('Account group');
  // The rule code is for the curious: in the tooltip, not in the cell.
  await expect(reachRow(page, 'Doc JKL Company')).not.toContainText('(R7)');
  await shot(page, 'explorer-user-reach');
  await axe(page, 'explorer (user → accounts)');

  // A click on a reached account opens the explanation.
  await reachRow(page, 'Doc ABC Company').click();
  const explanation = page.getByTestId('explanation');
  await expect(explanation).toContainText('Serv User1 on Doc ABC Company');
  await expect(explanation.getByTestId('effective-roles')).toContainText('Standard User — from group “Services 1”');
  await expect(explanation.getByTestId('effective-roles')).toContainText('Support — from group “All Accounts”');
  await expect(explanation.getByTestId('reasons')).toContainText('R8: roles are the union');
  await expect(explanation).toContainText('Can log in');
  await shot(page, 'explorer-explain-abc');
  await axe(page, 'explorer (explanation)');

  await pick(page, 'Account', 'GHI', /Doc GHI Company/);
  await expect(explanation).toContainText('Serv User1 on Doc GHI Company');
  const roles = explanation.getByTestId('effective-roles').getByRole('listitem');
  await expect(roles).toHaveCount(1);
  await expect(roles).toContainText('Support — from group “All Accounts”');
  await expect(explanation.getByTestId('privileges')).toHaveText('DASHBOARD, EXECUTE, PROCESS_HISTORY, VIEW_RESULTS');
  await shot(page, 'explorer-explain-ghi');
});

test('who reaches Doc GHI; R10: set its Support Access Role to Browse Only, preview the losses, apply, see the cap explained', async ({ page }) => {
  await openExplorer(page);
  await pick(page, 'Account', 'Doc GHI', /Doc GHI Company/);
  const who = page.getByRole('grid', { name: 'Users who reach Doc GHI Company' });
  const rows = who.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'ServUser3@boomi.com' })).toContainText('Standard User, Support');
  await expect(rows.filter({ hasText: 'ServUser4@boomi.com' })).toContainText('Production Support, Standard User');
  await expect(page.getByTestId('sar-current')).toContainText('No Support Access Role is set');
  await shot(page, 'explorer-who-ghi');

  await page.getByRole('combobox', { name: 'Support Access Role' }).click();
  const listbox = page.getByRole('listbox');
  // R16: only built-in roles and the account's own roles are offered.
  await expect(listbox.getByRole('option')).toHaveText(['None (no cap)', 'Administrator', 'Browse Only', 'Production Support', 'Standard User', 'Support']);
  await listbox.getByRole('option', { name: 'Browse Only' }).click();
  await page.getByRole('button', { name: 'Preview change' }).click();
  const dialog = page.getByRole('dialog', { name: /Preview: Support Access Role of Doc GHI Company/ });
  await expect(dialog.getByTestId('plan-ops')).toContainText('Set the Support Access Role of Doc GHI Company to “Browse Only”.');
  const losses = dialog.getByTestId('losses');
  await expect(losses).toContainText('Losses (4)');
  await expect(losses).toContainText('ServUser1@boomi.com');
  await expect(dialog.getByTestId('lockouts')).toHaveCount(0);
  await shot(page, 'explorer-sar-preview');
  await axe(page, 'explorer (Support Access Role preview)');
  await dialog.getByRole('button', { name: /Apply/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Queued: Support Access Role of Doc GHI Company' })).toBeVisible();

  // The queued change shows at once (confirmed ⊕ pending): ServUser1 is now capped on GHI.
  await expect(page.getByTestId('sar-current')).toContainText('Support Access Role: “Browse Only”');
  await pick(page, 'User', 'ServUser1', /ServUser1@boomi\.com/);
  await expect(page.getByTestId('cap')).toContainText('removed privileges: EXECUTE, PROCESS_HISTORY, VIEW_RESULTS');
  await expect(page.getByTestId('privileges')).toHaveText('DASHBOARD');
  await shot(page, 'explorer-sar-capped');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync' }).click();
  // Main pushes it: the outbox's history shows it done, and the platform has the role set.
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'All' }).click();
  const outbox = page.getByRole('grid', { name: 'Queued changes' });
  await expect(outbox.getByRole('row').filter({ hasText: 'Set the Support Access Role of Doc GHI Company to “Browse Only”' })).toContainText('done', { timeout: 30_000 });
  const roles = await platformQuery<{ id: string; name: string }>(hosts.platform, 'Role');
  const ghi = (await platformQuery<{ name: string; supportAccessRoleId?: string }>(hosts.platform, 'Account')).find((a) => a.name === 'Doc GHI Company');
  expect(roles.find((r) => r.id === ghi?.supportAccessRoleId)?.name).toBe('Browse Only');
  await shot(page, 'explorer-sync-outbox');
  await axe(page, 'sync');
});

test('R9 report: redundant direct access lists none for seed 002 and explains why it matters', async ({ page }) => {
  await openExplorer(page);
  await page.getByRole('tab', { name: 'Redundant direct access' }).click();
  await expect(page.getByRole('heading', { name: 'Redundant direct access (0)' })).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('their group roles there are ignored, so');
  await expect(page.getByRole('tabpanel')).toContainText('No direct role is already covered by a group.');
  await shot(page, 'explorer-redundant');
  await axe(page, 'explorer (redundant report)');
});

test('Sync screen: a conflict shows both sides; Drop keeps it in the history as failed with the reason', async ({ page }) => {
  await openExplorer(page);
  // A conflict as reconcile leaves it: the queued op and the platform's value now.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('roster-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').put({
            id: 'conflict-1', seq: 1000, round: 0, planId: 'plan-c', status: 'conflict', attempts: 1, createdAt: Date.now(), updatedAt: Date.now(),
            args: { op: 'group.rename', groupId: '5e7c1ce1-0000-4000-8000-000000000002', name: 'Services North' },
            precondition: { expect: [{ type: 'AccountGroup', id: '5e7c1ce1-0000-4000-8000-000000000002', field: 'name', value: 'Services 1' }] },
            conflict: [{ expectation: { type: 'AccountGroup', id: '5e7c1ce1-0000-4000-8000-000000000002', field: 'name', value: 'Services 1' }, theirs: 'Services East' }],
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  // Written behind Dexie's back: reload so its query cache reads the outbox afresh.
  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync' }).click();
  const conflict = page.getByTestId('conflict');
  await expect(page.getByRole('heading', { name: 'Conflicts (1)' })).toBeVisible();
  await expect(conflict).toContainText('Mine: Rename “Services 1” to “Services North”.');
  await expect(conflict).toContainText('Theirs: the group “Services 1” now has name "Services East" (you expected "Services 1")');
  await shot(page, 'sync-conflict');
  await axe(page, 'sync (conflict)');
  await conflict.getByRole('button', { name: 'Drop' }).click();
  await expect(page.getByRole('heading', { name: /Conflicts/ })).toHaveCount(0);
  const row = page.getByRole('grid', { name: 'Queued changes' }).getByRole('row').filter({ hasText: 'Services North' });
  await expect(row).toContainText('failed');
  await expect(row).toContainText('dropped by the admin after a conflict');
});

test('the explorer acts: search a reach list, names open the group and the account view, Remove from group is a plan; the Why list names the person once', async ({ page }) => {
  await openExplorer(page);
  await pick(page, 'User', 'servuser2', /ServUser2@boomi\.com/);
  const grid = page.getByRole('grid', { name: 'Accounts ServUser2@boomi.com reaches' });
  const rows = grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(4);
  // The reach list is narrowed as the admin types (name, id or role), and says how many of all.
  await page.getByRole('searchbox', { name: 'Search these accounts' }).fill('ghi');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Doc GHI Company');
  await expect(page.getByRole('heading', { name: /reaches \(1 of 4\)/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search these accounts' }).fill('no such account');
  await expect(grid).toContainText('No account matches “no such account”.');
  await page.getByRole('searchbox', { name: 'Search these accounts' }).fill('');
  await expect(rows).toHaveCount(4);
  await shot(page, 'explorer-reach-search');

  await rows.filter({ hasText: 'Doc ABC Company' }).click();
  const explanation = page.getByTestId('explanation');
  await expect(explanation).toContainText('Serv User2 on Doc ABC Company');
  // The person and the account are said once, above the reasons; the reasons give the sources.
  const abcId = (await platformQuery<{ accountId: string; name: string }>(hosts.platform, 'Account')).find((a) => a.name === 'Doc ABC Company')!.accountId;
  await expect(explanation.getByTestId('explained-pair')).toHaveText(`Serv User2 · ServUser2@boomi.com on Doc ABC Company (${abcId})`);
  const reasons = explanation.getByTestId('reasons');
  await expect(reasons).toContainText('R7: the user reaches this account through account groups');
  await expect(reasons).not.toContainText('ServUser2@boomi.com');
  await expect(reasons).not.toContainText(abcId);
  await expect(explanation).toContainText('Standard User — from group “Services 1”');
  await shot(page, 'explorer-explain-acts');
  await axe(page, 'explorer (explanation with actions)');

  // A group's name opens that group on the Groups screen.
  await explanation.getByTestId('effective-roles').getByRole('button', { name: 'Open group Services 1' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Services 1' })).toBeVisible();
  // Back in the explorer the same question is still asked.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Access explorer' }).click();
  await expect(explanation).toContainText('Serv User2 on Doc ABC Company');

  // Remove from group: the usual preview, then the explanation changes at once (R7, R8).
  await explanation.getByRole('button', { name: 'Remove from group Services 1' }).click();
  const dialog = page.getByRole('dialog', { name: /Preview: Remove Serv User2 from Services 1/ });
  await expect(dialog.getByTestId('plan-ops')).toContainText('Services 1');
  await shot(page, 'explorer-remove-from-group-preview');
  await axe(page, 'explorer (remove from group preview)');
  await dialog.getByRole('button', { name: /Apply/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Queued: Remove Serv User2 from Services 1' })).toBeVisible();
  await expect(explanation.getByTestId('effective-roles')).not.toContainText('Services 1');
  await expect(explanation.getByRole('button', { name: 'Remove from group Services 1' })).toHaveCount(0);

  // The account's name opens its account view, headed by its name.
  await explanation.getByRole('button', { name: 'Open account Doc ABC Company' }).click();
  await expect(page.getByRole('heading', { name: 'Doc ABC Company', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' })).toHaveAttribute('aria-current', 'page');
});
