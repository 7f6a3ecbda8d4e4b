import { expect, test, type Page } from '@playwright/test';
import { platformPost, startPlatformProcess, startWebHost, stopAll, type PlatformProcess, type WebProcess } from './support/host';
import { nav, shot } from './support/screens';

/**
 * The console on a platform that speaks exactly the vendor's API (`--profile vendor`: opaque
 * link ids, 410 for the extensions, 400 for any request its full OpenAPI rejects): seed 002's
 * groups, an add and a remove through the preview, and what the platform lacks said in words.
 */

let platform: PlatformProcess | undefined;
let web: WebProcess | undefined;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  platform = await startPlatformProcess({ seed: 'example', extraArgs: ['--rate', '0', '--profile', 'vendor'] });
  web = await startWebHost({ platform });
});
test.afterAll(async () => stopAll(web, platform));

const openGroup = async (page: Page, name: string) => {
  await page.getByTestId(`group-item-${name}`).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await page.getByRole('tab', { name: 'Accounts' }).click();
};
/** A QUERY as the vendor's spec wants it: a QueryFilter with an expression (`{}` is a 400 there). */
const vendorQuery = async (p: PlatformProcess, type: string, property: string, value: string): Promise<Record<string, unknown>[]> => {
  const res = await platformPost(p, `${type}/query`, JSON.stringify({ QueryFilter: { expression: { operator: 'EQUALS', property, argument: [value] } } }));
  if (!res.ok) throw new Error(`${type}/query: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { result?: Record<string, unknown>[] }).result ?? [];
};

const row = (page: Page, group: string, account: string) =>
  page.getByRole('grid', { name: `Accounts in ${group}` }).getByRole('row').filter({ hasText: account });

test('vendor profile: groups load, an add and a remove go through the preview, missing capabilities are sentences', async ({ page }) => {
  await page.goto(web!.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await expect(page.getByRole('list', { name: 'Account groups' }).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('group-item-Services 2')).toContainText('2 accounts');

  // Add Doc ABC to Services 2 through the preview; the vendor gives the link an opaque id.
  await openGroup(page, 'All Accounts');
  await row(page, 'All Accounts', 'Doc ABC Company').click();
  await page.getByRole('button', { name: 'Add to group…' }).click();
  await page.getByRole('combobox', { name: 'Group' }).fill('Services 2');
  await page.getByRole('option', { name: /Services 2/ }).click();
  const add = page.getByRole('dialog', { name: /Add 1 account to Services 2/ });
  await add.getByRole('button', { name: /Apply/ }).click();
  await expect(add).toBeHidden();
  await expect(page.getByTestId('group-item-Services 2')).toContainText('3 accounts', { timeout: 20_000 });
  await expect(page.getByTestId('group-item-Services 2')).not.toContainText('pending');

  // Remove it again: deleted by the id the platform returned, never one Roster builds.
  await openGroup(page, 'Services 2');
  await row(page, 'Services 2', 'Doc ABC Company').click();
  await page.getByRole('button', { name: 'Remove from group' }).click();
  const remove = page.getByRole('dialog', { name: /Remove 1 account from Services 2/ });
  await remove.getByRole('button', { name: /Apply/ }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByTestId('group-item-Services 2')).toContainText('2 accounts', { timeout: 20_000 });
  await expect(page.getByTestId('group-item-Services 2')).not.toContainText('pending');
  const services2 = (await vendorQuery(platform!, 'AccountGroup', 'name', 'Services 2'))[0]!;
  expect(await vendorQuery(platform!, 'AccountGroupAccount', 'accountGroupId', String(services2.id))).toHaveLength(2);

  // The vendor's API has no partner services: a sentence, not an empty table.
  await nav(page, 'Partner access');
  await expect(page.getByTestId('capability-missing')).toContainText("This platform's API does not offer partner services");
  await shot(page, 'vendor-partner-access');
});
