import { expect, test, type Page } from '@playwright/test';
import { platformAdmin, platformPost, startPlatformProcess, startWebHost, stopAll, STARTS_TIMEOUT, type PlatformProcess, type WebProcess } from './support/host';
import { nav, pointerDrag, refreshDone, shot } from './support/screens';

/**
 * The console on a platform that speaks exactly the vendor's API (`--profile vendor`: opaque
 * link ids, 410 for the extensions, 400 for any request its full OpenAPI rejects): seed 002's
 * groups, an add and a remove through the preview, and what the platform lacks said in words;
 * the Support Access Role it does not tell (R10) and the one the admin records in Roster, the
 * notification e-mails it sends by default, and the resources it lists (roles, clouds, integration
 * packs) shared and unshared by drag-and-drop and the preview.
 */

let platform: PlatformProcess | undefined;
let web: WebProcess | undefined;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(STARTS_TIMEOUT);
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

/** The notification e-mails the vendor profile has sent (its admin endpoint counts them). */
const notificationsSent = async (p: PlatformProcess): Promise<{ type: string; userId: string }[]> => {
  const res = await platformAdmin(p, 'GET', 'notifications');
  if (!res.ok) throw new Error(`admin/notifications: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { notifications: { type: string; userId: string }[] }).notifications;
};

test('vendor profile: R10 says the cap is unknown; a preview counts the notification e-mails and the choice reaches the platform', async ({ page }) => {
  await page.goto(web!.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');

  // The vendor's Account has no Support Access Role: the explanation says the result holds unless it
  // caps it. The vendor lists no users: the picker offers those it knows by their roles.
  await nav(page, 'Access explorer');
  const pick = async (label: 'User' | 'Account', text: string, option: RegExp) => {
    const box = page.getByRole('combobox', { name: label });
    await box.click();
    await box.fill(text);
    await page.getByRole('option', { name: option }).click();
  };
  await pick('User', 'servuser1', /ServUser1@boomi\.com/);
  await pick('Account', 'Doc ABC', /Doc ABC Company/);
  await expect(page.getByTestId('reasons')).toContainText(
    /R10: this platform's API does not tell the Support Access Role of .+, so these privileges hold unless that role caps them/,
  );
  await expect(page.getByTestId('sar-current')).toContainText("This platform's API does not tell an account's Support Access Role");
  await shot(page, 'vendor-explain-cap-unknown');
  // The admin records the role they know in Roster: never sent, shown as recorded, and it caps.
  await expect(page.getByTestId('sar-local')).toContainText('Recorded in Roster only');
  await page.getByRole('combobox', { name: 'Support Access Role' }).click();
  await page.getByRole('option', { name: 'Browse Only', exact: true }).click();
  await page.getByRole('button', { name: 'Record in Roster' }).click();
  await expect(page.getByTestId('sar-current')).toContainText('Support Access Role: “Browse Only” (recorded in Roster).');
  await expect(page.getByTestId('cap')).toContainText(/Support Access Role “Browse Only” caps this user.s group access/);
  await expect(page.getByTestId('reasons')).not.toContainText('hold unless that role caps them');
  await shot(page, 'vendor-explain-cap-recorded');

  // Drag ServUser4 onto Services 1: the preview counts one e-mail, sends none unless ticked.
  const before = (await notificationsSent(platform!)).length;
  await nav(page, 'Groups');
  await page.getByTestId('group-item-Services 2').click();
  await page.getByRole('tab', { name: 'Users in Group' }).click();
  const user = page.getByRole('grid', { name: 'Users in Services 2' }).getByRole('row').filter({ hasText: 'ServUser4@boomi.com' });
  await user.click();
  await pointerDrag(page, user, page.getByTestId('group-item-Services 1'));
  await expect(page.getByTestId('drag-overlay')).toHaveText('1 user → Services 1');
  await page.mouse.up();
  const roles = page.getByRole('dialog', { name: 'Roles for 1 user in Services 1' });
  await roles.getByLabel('Browse Only').check();
  await roles.getByRole('button', { name: 'Preview' }).click();
  const dialog = page.getByRole('dialog', { name: /Preview: Add 1 user to Services 1/ });
  const notify = dialog.getByRole('region', { name: 'Notification e-mails' });
  await expect(notify.getByTestId('notify-sentence')).toHaveText('No notification e-mails will be sent (the platform would send 1 to 1 user added unless told not to).');
  await notify.getByRole('checkbox', { name: 'E-mail the users added (1 notification e-mail)' }).check();
  await expect(notify.getByTestId('notify-sentence')).toHaveText('The platform will send 1 notification e-mail to 1 user added.');
  await shot(page, 'vendor-preview-notify');
  await dialog.getByRole('button', { name: /Apply/ }).click();
  await expect(dialog).toBeHidden();
  // The choice travelled with the queued op: the platform sent exactly that one e-mail.
  await expect.poll(async () => (await notificationsSent(platform!)).slice(before), { timeout: 30_000 }).toEqual([
    expect.objectContaining({ type: 'AccountGroupUserRole', userId: 'ServUser4@boomi.com' }),
  ]);
});

test("vendor profile: a user who has never signed in is refused a group's roles, and the admin reads why, per user", async ({ page }) => {
  await page.goto(web!.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Online');
  // ServUser3 has never signed in; the vendor's API lists no users, so the cache cannot know it and
  // the preview does not warn: the platform's refusal is what tells, in words.
  await page.getByTestId('group-item-Services 2').click();
  await page.getByRole('tab', { name: 'Users in Group' }).click();
  const user = page.getByRole('grid', { name: 'Users in Services 2' }).getByRole('row').filter({ hasText: 'ServUser3@boomi.com' });
  await user.click();
  await pointerDrag(page, user, page.getByTestId('group-item-Services 1'));
  await expect(page.getByTestId('drag-overlay')).toHaveText('1 user → Services 1');
  await page.mouse.up();
  const roles = page.getByRole('dialog', { name: 'Roles for 1 user in Services 1' });
  await roles.getByLabel('Browse Only').check();
  await roles.getByRole('button', { name: 'Preview' }).click();
  const dialog = page.getByRole('dialog', { name: /Preview: Add 1 user to Services 1/ });
  await expect(dialog.getByTestId('plan-ops')).toContainText('ServUser3@boomi.com');
  await expect(dialog.getByRole('region', { name: 'Users who have never signed in' })).toHaveCount(0);
  await dialog.getByRole('button', { name: /Apply/ }).click();
  await expect(dialog).toBeHidden();
  const notice = page.getByTestId('result-notice');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await notice.getByRole('button', { name: 'Show the failure' }).click();
  await expect(page.getByText('ServUser3@boomi.com has never signed in; the platform cannot add them to a group until they do').first()).toBeVisible();
  await shot(page, 'vendor-never-signed-in');
});

test('vendor profile: Resources lists the roles, clouds and integration packs the vendor offers; a cloud dragged onto a group is shared, then unshared, through the preview', async ({ page }) => {
  // The demo seed has what the vendor lists beyond roles: an Atom Cloud and an integration pack.
  test.setTimeout(STARTS_TIMEOUT + 180_000);
  const demo = await startPlatformProcess({ seed: 'demo', extraArgs: ['--rate', '0', '--profile', 'vendor'] });
  const host = await startWebHost({ platform: demo });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('connection-state')).toHaveText('Online');
    await nav(page, 'Resources');
    // What the vendor's API does not list is said in a sentence, not shown as empty tables.
    await expect(page.getByTestId('capability-missing')).toContainText("This platform's API does not list connectors, processes or models to share");
    const grid = (label: string) => page.getByRole('grid', { name: label });
    const resource = (label: string, name: string) => grid(label).getByRole('row').filter({ hasText: name });
    await expect(resource('Roles', 'Deployer')).toContainText('Services 1');
    await page.getByRole('tab', { name: /^Integration packs/ }).click();
    await expect(resource('Integration packs', 'Customer Onboarding Pack')).toContainText('Services 1');
    await page.getByRole('tab', { name: /^Atom Clouds/ }).click();
    const cloud = resource('Atom Clouds', 'Documentation Atom Cloud');
    await expect(cloud).toContainText('Services 1');
    await expect(cloud).not.toContainText('Services 2');
    await shot(page, 'vendor-resources');

    // Share: drag the cloud onto Services 2, preview, Apply; the group's Resources are written the vendor's way.
    await cloud.click();
    await pointerDrag(page, cloud, page.getByTestId('share-target-Services 2'));
    await expect(page.getByTestId('drag-overlay')).toHaveText('1 resource → Services 2');
    await page.mouse.up();
    const share = page.getByRole('dialog', { name: /^Preview: Share .*“Services 2”/ });
    await expect(share.getByTestId('plan-ops')).toHaveText('Share Cloud “Documentation Atom Cloud” with “Services 2”.');
    await share.getByRole('button', { name: /Apply/ }).click();
    await expect(share).toBeHidden();
    await expect(cloud).toContainText('Services 1, Services 2', { timeout: 30_000 });
    // What a refresh reads back from the platform says the same.
    await page.getByRole('button', { name: 'Refresh from the platform' }).click();
    await refreshDone(page);
    await expect(cloud).toContainText('Services 1, Services 2');

    // Unshare it again from the resource's detail, through the preview.
    await page.getByRole('button', { name: 'Unshare from Services 2' }).click();
    const unshare = page.getByRole('dialog', { name: /^Preview: Stop sharing “Documentation Atom Cloud” with “Services 2”/ });
    await unshare.getByRole('button', { name: /Apply/ }).click();
    await expect(unshare).toBeHidden();
    await expect(cloud).not.toContainText('Services 2', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Refresh from the platform' }).click();
    await refreshDone(page);
    await expect(cloud).toContainText('Services 1');
    await expect(cloud).not.toContainText('Services 2');
    await shot(page, 'vendor-resources-unshared');
  } finally {
    await stopAll(host, demo);
  }
});
