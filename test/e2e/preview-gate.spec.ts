import { expect, test, type Locator, type Page } from '@playwright/test';
import { specSession } from './support/session';
import { axe, firstGroup, nav, shot } from './support/screens';
import { firstApply, watchFirstApply } from './support/preview';

/**
 * One gate on Apply in every preview, here the Groups and the Explorer previews at the partner tier
 * (1,000 accounts, 1280×720): Apply is disabled from the first frame the dialog is drawn, with its
 * reason said beside it and as its accessible description, until the access diff is known; with
 * lock-outs (R13: a user left with no roles), until they are confirmed at the top of the preview.
 */

const session = specSession('partner', 60_000);
const page = (): Page => session.page;

test.beforeAll(async () => {
  await page().setViewportSize({ width: 1280, height: 720 });
});

const CHECKING = 'Checking who gains and loses access…';

/**
 * The preview's gate once the check has run and found lock-outs: Apply disabled, saying it waits
 * for their confirmation (beside it and as its description); ticked, Apply is enabled and the
 * reason gone; unticked, disabled again. The preview is cancelled: nothing is queued.
 */
const checkLockoutGate = async (dialog: Locator, screen: string) => {
  const apply = dialog.locator('.MuiDialogActions-root button.MuiButton-contained');
  const gate = dialog.getByRole('region', { name: 'Lock-outs' });
  await expect(gate).toBeVisible({ timeout: 45_000 });
  const lockouts = Number((await gate.getByTestId('lockouts').textContent())!.replace(/ locked out.*$/, '').replace(/,/g, ''));
  expect(lockouts, 'lock-outs counted').toBeGreaterThan(0);
  const reason = `Confirm the ${lockouts.toLocaleString('en-US')} lock-out${lockouts === 1 ? '' : 's'} above to apply.`;
  await expect(apply).toBeDisabled();
  await expect(dialog.getByTestId('apply-reason')).toHaveText(reason);
  await expect(apply).toHaveAccessibleDescription(reason);
  await shot(page(), `${screen}-lockouts`);
  await axe(page(), `${screen} (lock-outs, Apply waiting)`);
  await page().emulateMedia({ colorScheme: 'dark' });
  try {
    await shot(page(), `${screen}-lockouts-dark`);
    await axe(page(), `${screen} (lock-outs, dark)`);
  } finally {
    await page().emulateMedia({ colorScheme: 'light' });
  }
  const confirm = gate.getByRole('checkbox', { name: /I have checked the list/ });
  await confirm.check();
  await expect(apply).toBeEnabled();
  await expect(dialog.getByTestId('apply-reason')).toHaveCount(0);
  await expect(apply).toHaveAccessibleDescription('');
  await confirm.uncheck();
  await expect(apply).toBeDisabled();
  await expect(dialog.getByTestId('apply-reason')).toHaveText(reason);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
};

test('Groups preview: removing every user of a group keeps Apply disabled from the first frame (checking, then the lock-outs to confirm), with its reason; confirmed, it is enabled', async () => {
  await nav(page(), 'Groups');
  const group = await firstGroup(page());
  await page().getByTestId(`group-item-${group}`).click();
  await page().getByRole('tab', { name: 'Users in Group' }).click();
  const users = page().getByRole('grid', { name: `Users in ${group}` });
  await expect(users.getByRole('row').nth(1)).toBeVisible({ timeout: 45_000 });
  await page().getByRole('button', { name: /^Select all/ }).click();
  await watchFirstApply(page());
  await page().getByRole('button', { name: 'Remove from group' }).click();
  const dialog = page().getByRole('dialog', { name: /^Preview: Remove/ });
  await expect(dialog).toBeVisible();
  expect(await firstApply(page())).toMatchObject({ disabled: true, reason: CHECKING });
  await checkLockoutGate(dialog, 'preview-gate-groups');
});

test('Explorer preview: removing a user from All Accounts keeps Apply disabled from the first frame, with its reason, until the lock-outs are confirmed', async () => {
  await nav(page(), 'Groups');
  const group = await firstGroup(page());
  await page().getByTestId(`group-item-${group}`).click();
  await page().getByRole('tab', { name: 'Users in Group' }).click();
  const member = page().getByRole('grid', { name: `Users in ${group}` }).getByRole('row').nth(1);
  await expect(member).toBeVisible({ timeout: 45_000 });
  const email = /\S+@\S+$/.exec((await member.getByRole('gridcell').first().textContent())!.trim())![0];

  await nav(page(), 'Access explorer');
  const box = page().getByRole('combobox', { name: 'User' });
  await box.click();
  await box.fill(email);
  await page().getByRole('option', { name: new RegExp(email.replace(/[.+]/g, '\\$&')) }).click();
  const reach = page().getByRole('grid', { name: /^Accounts .* reaches$/ });
  const viaGroup = reach.getByRole('row').filter({ hasText: 'Account group' }).first();
  await expect(viaGroup).toBeVisible({ timeout: 45_000 });
  await viaGroup.getByRole('gridcell').nth(1).click();
  // The partner tier's members of a group are also in All Accounts (every account, Support):
  // leaving it, they keep only the accounts their other groups give them; the rest are lock-outs.
  const remove = page().getByRole('button', { name: 'Remove from group All Accounts' });
  await expect(remove).toBeVisible();
  await watchFirstApply(page());
  await remove.click();
  const dialog = page().getByRole('dialog', { name: /^Preview: Remove .* from / });
  await expect(dialog).toBeVisible();
  expect(await firstApply(page())).toMatchObject({ disabled: true, reason: CHECKING });
  await checkLockoutGate(dialog, 'preview-gate-explorer');
});
