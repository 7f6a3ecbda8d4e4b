import { expect, test, type Page } from '@playwright/test';
import type { PushStatus } from '../../shared/ipc';
import { callHost, platformPost } from './support/host';
import { specHosts } from './support/session';
import { nav, workOffline } from './support/screens';

/**
 * E2E: work offline on purpose, make changes, see them pending (Sync screen and the
 * group list), come back, see them land on the platform exactly once; then a change made through
 * the platform's API behind the app's back becomes a conflict with both sides, resolved here.
 */

const SHOTS = 'test-results';
const SERVICES_1 = '5e7c1ce1-0000-4000-8000-000000000002';
const hosts = specHosts();

/** The platform as another admin (or a script) sees it; a 503 from the shared rate limit is sent again. */
const api = async <T>(path: string, body: unknown): Promise<T> => {
  const res = await platformPost(hosts.platform, path, JSON.stringify(body));
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const groupsOnPlatform = async () => (await api<{ result: { id: string; name: string }[] }>('AccountGroup/query', {})).result;
const groupAccounts = async (groupId: string) =>
  (await api<{ result: { accountGroupId: string; accountId: string }[] }>('AccountGroupAccount/query', {})).result.filter((l) => l.accountGroupId === groupId);

const outboxRow = (page: Page, text: string) => page.getByRole('grid', { name: 'Queued changes' }).getByRole('row').filter({ hasText: text });
const showAll = async (page: Page) => {
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'All' }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
};

const renameGroup = async (page: Page, from: string, to: string) => {
  await nav(page, 'Groups');
  await page.getByTestId(`group-item-${from}`).click();
  await page.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: /Rename/ });
  await rename.getByLabel('Group name').fill(to);
  await rename.getByRole('button', { name: 'Queue rename' }).click();
  await expect(rename).toBeHidden();
};

test('offline on purpose, changes stay pending; back online they land on the platform exactly once', async ({ page }) => {
  await page.goto(hosts.web.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  await workOffline(page, true);
  await page.screenshot({ path: `${SHOTS}/sync-work-offline.png` });

  await nav(page, 'Groups');
  await page.getByRole('button', { name: 'Create' }).click();
  const create = page.getByRole('dialog', { name: 'Create account group' });
  await create.getByLabel('Group name').fill('Services Plane');
  await create.getByRole('button', { name: 'Queue creation' }).click();
  await expect(page.getByTestId('group-item-Services Plane')).toContainText('Pending creation');
  await renameGroup(page, 'Services 2', 'Services West');
  await expect(page.getByTestId('group-item-Services West')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/sync-offline-groups-pending.png` });

  // Pending on the Sync screen, and nothing has reached the platform.
  await nav(page, 'Sync');
  await expect(outboxRow(page, 'Services Plane')).toContainText('pending');
  await expect(outboxRow(page, 'Services West')).toContainText('pending');
  await page.screenshot({ path: `${SHOTS}/sync-offline-outbox.png` });
  // Main was handed nothing to send (not "nothing arrived within a second"): the outbox holds them while offline.
  expect(await callHost<PushStatus>(hosts.web, 'sync.status')).toMatchObject({ total: 0, running: 0 });
  expect((await groupsOnPlatform()).map((g) => g.name)).not.toContain('Services Plane');
  expect((await groupsOnPlatform()).map((g) => g.name)).toContain('Services 2');

  // A reload keeps both the queue and the choice to stay offline.
  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('Working offline');
  await nav(page, 'Groups');
  await expect(page.getByTestId('group-item-Services Plane')).toContainText('Pending creation');

  await workOffline(page, false);
  await showAll(page);
  await expect(outboxRow(page, 'Services Plane')).toContainText('done', { timeout: 30_000 });
  await expect(outboxRow(page, 'Services West')).toContainText('done', { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/sync-landed-outbox.png` });
  await expect.poll(async () => (await groupsOnPlatform()).filter((g) => g.name === 'Services Plane').length, { timeout: 30_000 }).toBe(1);
  const names = (await groupsOnPlatform()).map((g) => g.name);
  expect(names.filter((n) => n === 'Services West')).toHaveLength(1);
  expect(names).not.toContain('Services 2');

  // The next pull shows them confirmed: no pending marks left.
  await nav(page, 'Groups');
  await expect(page.getByTestId('group-item-Services Plane')).not.toContainText('Pending', { timeout: 30_000 });
  await expect(page.getByTestId('group-item-Services West')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/sync-landed-groups.png` });
});

test('a rename made on the platform behind the app\'s back is a conflict; keep mine wins on the platform', async ({ page }) => {
  await page.goto(hosts.web.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  const before = (await groupAccounts(SERVICES_1)).length;
  await workOffline(page, true);
  await renameGroup(page, 'Services 1', 'Services North');
  await expect(page.getByTestId('group-item-Services North')).toBeVisible();

  // Another admin renames the same group on the platform meanwhile.
  await api(`AccountGroup/${SERVICES_1}`, { '@type': 'AccountGroup', id: SERVICES_1, name: 'Services East' });

  await workOffline(page, false);
  const conflict = page.getByTestId('conflict');
  await expect(page.getByRole('heading', { name: 'Conflicts (1)' })).toBeVisible({ timeout: 30_000 });
  // Mine names the group as it was when the rename was queued; theirs as the cache knows it now.
  await expect(conflict).toContainText('Mine: Rename “Services 1” to “Services North”.');
  await expect(conflict).toContainText('Theirs: the group “Services East” now has name "Services East" (you expected "Services 1")');
  await page.screenshot({ path: `${SHOTS}/sync-conflict-both-sides.png` });
  // Not silently overwritten: the platform still has their name.
  expect((await groupsOnPlatform()).find((g) => g.id === SERVICES_1)?.name).toBe('Services East');

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByRole('heading', { name: /Conflicts/ })).toHaveCount(0);
  await expect.poll(async () => (await groupsOnPlatform()).find((g) => g.id === SERVICES_1)?.name, { timeout: 30_000 }).toBe('Services North');
  await showAll(page);
  await expect(outboxRow(page, 'Services North')).toContainText('done', { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/sync-conflict-kept-mine.png` });
  await nav(page, 'Groups');
  await expect(page.getByTestId('group-item-Services North')).toBeVisible();
  await expect(page.getByTestId('group-item-Services East')).toHaveCount(0);
  // A rename touches nothing else: the group's accounts are as they were.
  expect(await groupAccounts(SERVICES_1)).toHaveLength(before);
});
