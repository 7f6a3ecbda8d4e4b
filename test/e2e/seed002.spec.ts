import { expect, test, type Locator } from '@playwright/test';
import { platformQuery } from './support/host';
import { specSession } from './support/session';
import { axe, enterOn, shot, pointerDrag } from './support/screens';

/**
 * the seed 002 worked example (RULES.md, "The worked example") built through the UI from
 * scratch, as an admin would. The platform starts with seed 002's accounts, users and roles and
 * only the default group All Accounts (R3: it exists with the primary account and holds every
 * account), with no user in any group (`--seed example-bare`). The admin creates Services 1 and
 * Services 2, drags the accounts into them with the mouse, drops the users on the groups and picks
 * their roles, applies, waits for it all to land, then checks ServUser1 in the Access explorer.
 */

const session = specSession('example-bare');

const groupItem = (name: string) => session.page.getByTestId(`group-item-${name}`);

const openGroup = async (name: string, tab: 'Accounts' | 'Users in Group') => {
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Groups' }).click();
  await groupItem(name).click();
  await expect(session.page.getByRole('heading', { level: 2, name })).toBeVisible();
  await session.page.getByRole('tab', { name: tab }).click();
};

const gridRow = (grid: string, text: string): Locator => session.page.getByRole('grid', { name: grid }).getByRole('row').filter({ hasText: text });

/** A real pointer drag: press, move past the activation distance, travel, release. */
const mouseDrag = async (from: Locator, to: Locator, overlay: string, shotName?: string) => {
  await pointerDrag(session.page, from, to);
  await expect(session.page.getByTestId('drag-overlay')).toHaveText(overlay);
  if (shotName) await shot(session.page, shotName);
  await session.page.mouse.up();
};

const applyPreview = async (title: RegExp, ops: string) => {
  const dialog = session.page.getByRole('dialog', { name: title });
  await expect(dialog.getByTestId('plan-ops')).toHaveText(ops);
  await expect(dialog.getByTestId('lockouts')).toHaveCount(0);
  await dialog.getByRole('button', { name: /Apply/ }).click();
  await expect(dialog).toBeHidden();
};

const createGroup = async (name: string) => {
  await session.page.getByRole('button', { name: 'Create', exact: true }).click();
  const create = session.page.getByRole('dialog', { name: 'Create account group' });
  await create.getByLabel('Group name').fill(name);
  await create.getByRole('button', { name: 'Queue creation' }).click();
  await expect(create).toBeHidden();
};

test('R3: the platform starts with All Accounts alone, holding the four accounts and no users', async () => {
  await openGroup('All Accounts', 'Accounts');
  await expect(groupItem('All Accounts')).toContainText('4 accounts · 0 users');
  await expect(session.page.getByRole('list', { name: 'Account groups' }).getByRole('listitem')).toHaveCount(1);
  await shot(session.page, 'seed002-start');
});

test('create Services 1 and Services 2; they land on the platform', async () => {
  await createGroup('Services 1');
  await createGroup('Services 2');
  for (const name of ['Services 1', 'Services 2']) {
    await expect(groupItem(name)).toBeVisible();
    await expect(groupItem(name)).not.toContainText('Pending', { timeout: 30_000 });
  }
  await expect.poll(async () => (await platformQuery<{ name: string }>(session.platform, 'AccountGroup')).map((g) => g.name).sort(), { timeout: 30_000 }).toEqual([
    'All Accounts', 'Services 1', 'Services 2',
  ]);
});

test('mouse: drag Doc ABC + Doc DEF onto Services 1, Doc GHI + Doc JKL onto Services 2', async () => {
  await openGroup('All Accounts', 'Accounts');
  const grid = 'Accounts in All Accounts';
  await gridRow(grid, 'Doc ABC Company').click();
  await gridRow(grid, 'Doc DEF Company').click({ modifiers: ['Shift'] });
  await expect(session.page.getByTestId('selection-count')).toHaveText('2 selected');
  await mouseDrag(gridRow(grid, 'Doc ABC Company'), groupItem('Services 1'), '2 accounts → Services 1', 'seed002-drag-accounts');
  await applyPreview(/Preview: Add 2 accounts to Services 1/, 'Add 2 accounts to “Services 1”: Doc ABC Company, Doc DEF Company.');

  await gridRow(grid, 'Doc GHI Company').click();
  await gridRow(grid, 'Doc JKL Company').click({ modifiers: ['ControlOrMeta'] });
  await expect(session.page.getByTestId('selection-count')).toHaveText('2 selected');
  await mouseDrag(gridRow(grid, 'Doc JKL Company'), groupItem('Services 2'), '2 accounts → Services 2');
  await applyPreview(/Preview: Add 2 accounts to Services 2/, 'Add 2 accounts to “Services 2”: Doc GHI Company, Doc JKL Company.');

  await expect(groupItem('Services 1')).toContainText('2 accounts · 0 users', { timeout: 30_000 });
  await expect(groupItem('Services 2')).toContainText('2 accounts · 0 users', { timeout: 30_000 });
  await expect(groupItem('Services 1')).not.toContainText('pending');
  await expect(groupItem('Services 2')).not.toContainText('pending');
});

const dropUsers = async (users: string[], target: string, role: string, shotName?: string) => {
  const grid = 'All users';
  await gridRow(grid, users[0]!).click();
  for (const u of users.slice(1)) await gridRow(grid, u).click({ modifiers: ['ControlOrMeta'] });
  await expect(session.page.getByTestId('user-selection-count')).toHaveText(`${users.length} selected`);
  await mouseDrag(gridRow(grid, users[0]!), groupItem(target), `${users.length} user${users.length === 1 ? '' : 's'} → ${target}`);
  const roles = session.page.getByRole('dialog', { name: `Roles for ${users.length} user${users.length === 1 ? '' : 's'} in ${target}` });
  await roles.getByLabel(role, { exact: true }).check();
  if (shotName) await shot(session.page, shotName);
  await roles.getByRole('button', { name: 'Preview' }).click();
};

test('R7 mouse: ServUser1+2 as Standard User in Services 1, ServUser3+4 in Services 2, ServUser1–3 as Support in All Accounts', async () => {
  await openGroup('All Accounts', 'Users in Group');
  await expect(session.page.getByRole('grid', { name: 'Users in All Accounts' })).toContainText('No users have roles in this group');
  await session.page.getByRole('button', { name: 'All users' }).click();
  await expect(gridRow('All users', 'ServUser4@boomi.com')).toBeVisible();
  await shot(session.page, 'seed002-all-users');
  await axe(session.page, 'groups (all users)');

  await dropUsers(['ServUser1@boomi.com', 'ServUser2@boomi.com'], 'Services 1', 'Standard User', 'seed002-role-pick');
  const preview = session.page.getByRole('dialog', { name: /Preview: Add 2 users to Services 1/ });
  // R7: each gains Standard User on each account of Services 1; nobody had access before.
  await expect(preview.getByTestId('gains')).toContainText('Gains (4)');
  await expect(preview.getByTestId('gains').getByRole('row', { name: 'Serv User1 (ServUser1@boomi.com) on Doc ABC Company: Standard User' })).toBeVisible();
  await expect(preview.getByTestId('gains')).not.toContainText('Doc GHI Company');
  await shot(session.page, 'seed002-users-preview');
  await axe(session.page, 'seed 002 users preview');
  await applyPreview(/Preview: Add 2 users to Services 1/, 'Give Serv User1 (ServUser1@boomi.com), Serv User2 (ServUser2@boomi.com) the role Standard User in “Services 1”.');

  await dropUsers(['ServUser3@boomi.com', 'ServUser4@boomi.com'], 'Services 2', 'Standard User');
  await applyPreview(/Preview: Add 2 users to Services 2/, 'Give Serv User3 (ServUser3@boomi.com), Serv User4 (ServUser4@boomi.com) the role Standard User in “Services 2”.');

  // All Accounts is the open group: the drop on it still counts (users come from "All users").
  await dropUsers(['ServUser1@boomi.com', 'ServUser2@boomi.com', 'ServUser3@boomi.com'], 'All Accounts', 'Support');
  const all = session.page.getByRole('dialog', { name: /Preview: Add 3 users to All Accounts/ });
  // R8: ServUser1 gains Support on every account, including GHI and JKL where it had nothing.
  await expect(all.getByTestId('gains').getByRole('row', { name: 'Serv User1 (ServUser1@boomi.com) on Doc GHI Company: Support' })).toBeVisible();
  await applyPreview(/Preview: Add 3 users to All Accounts/, 'Give Serv User1 (ServUser1@boomi.com), Serv User2 (ServUser2@boomi.com), Serv User3 (ServUser3@boomi.com) the role Support in “All Accounts”.');
});

test('keyboard: ServUser4 as Production Support in All Accounts (select, "Add to group…", type, Enter)', async () => {
  const grid = session.page.getByRole('grid', { name: 'All users' });
  await session.page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(session.page.getByTestId('user-selection-count')).toHaveText('0 selected');
  await grid.focus();
  await session.page.keyboard.press('End');
  await session.page.keyboard.press('Space');
  await expect(session.page.getByTestId('user-selection-count')).toHaveText('1 selected');
  await expect(gridRow('All users', 'ServUser4@boomi.com')).toHaveAttribute('aria-selected', 'true');
  await enterOn(session.page, session.page.getByRole('button', { name: 'Add to group…' }));
  const picker = session.page.getByRole('dialog', { name: 'Add 1 user to a group' });
  await expect(picker.getByRole('combobox', { name: 'Group' })).toBeFocused();
  await session.page.keyboard.type('All Acc');
  await expect(session.page.getByRole('option', { name: /All Accounts/ })).toBeVisible();
  await session.page.keyboard.press('Enter');
  const roles = session.page.getByRole('dialog', { name: 'Roles for 1 user in All Accounts' });
  await roles.getByLabel('Production Support', { exact: true }).focus();
  await session.page.keyboard.press('Space');
  await expect(roles.getByLabel('Production Support', { exact: true })).toBeChecked();
  await enterOn(session.page, roles.getByRole('button', { name: 'Preview' }));
  const preview = session.page.getByRole('dialog', { name: /Preview: Add 1 user to All Accounts/ });
  await expect(preview.getByTestId('plan-ops')).toHaveText('Give Serv User4 (ServUser4@boomi.com) the role Production Support in “All Accounts”.');
  await enterOn(session.page, preview.getByRole('button', { name: /Apply/ }));
  await expect(preview).toBeHidden();

  // Everything lands: the counts come from the confirmed cache after the next pull.
  await expect(groupItem('Services 1')).toContainText('2 accounts · 2 users', { timeout: 30_000 });
  await expect(groupItem('Services 2')).toContainText('2 accounts · 2 users', { timeout: 30_000 });
  await expect(groupItem('All Accounts')).toContainText('4 accounts · 4 users', { timeout: 30_000 });
  // On the platform: exactly the Users in Group of the worked example, each pair once. The screen
  // shows queued changes as they will be, so its counts can be right before the last op lands:
  // the platform is polled until it holds them.
  const onPlatform = async () => {
    const [links, groups, roleList] = await Promise.all([
      platformQuery<{ userId: string; roleId: string; accountGroupId: string }>(session.platform, 'AccountGroupUserRole'),
      platformQuery<{ id: string; name: string }>(session.platform, 'AccountGroup'),
      platformQuery<{ id: string; name: string }>(session.platform, 'Role'),
    ]);
    const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;
    return links.map((l) => `${name(groups, l.accountGroupId)} / ${l.userId} / ${name(roleList, l.roleId)}`).sort();
  };
  await expect.poll(onPlatform, { timeout: 30_000 }).toEqual([
    'All Accounts / ServUser1@boomi.com / Support',
    'All Accounts / ServUser2@boomi.com / Support',
    'All Accounts / ServUser3@boomi.com / Support',
    'All Accounts / ServUser4@boomi.com / Production Support',
    'Services 1 / ServUser1@boomi.com / Standard User',
    'Services 1 / ServUser2@boomi.com / Standard User',
    'Services 2 / ServUser3@boomi.com / Standard User',
    'Services 2 / ServUser4@boomi.com / Standard User',
  ]);
  await session.page.getByRole('button', { name: 'In this group', exact: true }).click();
  await expect(session.page.getByRole('grid', { name: 'Users in All Accounts' }).getByRole('row').filter({ hasText: '@boomi.com' })).toHaveCount(4);
  await shot(session.page, 'seed002-all-accounts-users');
});

const reachRow = (account: string) => gridRow('Accounts ServUser1@boomi.com reaches', account);

test('R7 + R8 worked example: ServUser1 has Standard User + Support on ABC and DEF, only Support on GHI and JKL', async () => {
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Access explorer' }).click();
  const user = session.page.getByRole('combobox', { name: 'User' });
  await user.click();
  await user.fill('servuser1');
  await session.page.getByRole('option', { name: /ServUser1@boomi\.com/ }).click();
  const grid = session.page.getByRole('grid', { name: 'Accounts ServUser1@boomi.com reaches' });
  await expect(grid.getByRole('row').filter({ hasNot: session.page.getByRole('columnheader') })).toHaveCount(4);
  for (const acc of ['Doc ABC Company', 'Doc DEF Company']) await expect(reachRow(acc)).toContainText('Standard User, Support');
  for (const acc of ['Doc GHI Company', 'Doc JKL Company']) {
    await expect(reachRow(acc)).toContainText('Support');
    await expect(reachRow(acc)).not.toContainText('Standard User');
  }
  await shot(session.page, 'seed002-explorer-servuser1');
  await axe(session.page, 'seed 002 explorer');

  await reachRow('Doc ABC Company').click();
  const explanation = session.page.getByTestId('explanation');
  await expect(explanation.getByTestId('effective-roles')).toContainText('Standard User — from group “Services 1”');
  await expect(explanation.getByTestId('effective-roles')).toContainText('Support — from group “All Accounts”');
  await expect(explanation.getByTestId('reasons')).toContainText('R8');
  // Picking both a user and an account shows the explanation alone: pick the next account.
  const account = session.page.getByRole('combobox', { name: 'Account' });
  await account.click();
  await account.fill('GHI');
  await session.page.getByRole('option', { name: /Doc GHI Company/ }).click();
  await expect(explanation).toContainText('Doc GHI Company');
  const roles = explanation.getByTestId('effective-roles').getByRole('listitem');
  await expect(roles).toHaveCount(1);
  await expect(roles).toContainText('Support — from group “All Accounts”');
  await shot(session.page, 'seed002-explain-ghi');
});
