import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../a11y';

const SHOTS = 'test-results';

/** Waits for MUI's transitions to end, so screenshots and contrast checks see the final colours. */
export const settle = (p: Page) => p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

/** A screenshot of a key screen into test-results/, taken once the screen has settled. */
export const shot = async (p: Page, name: string) => {
  await settle(p);
  await p.screenshot({ path: `${SHOTS}/${name}.png` });
};

/** axe-core scan of the settled screen: no serious or critical violations. */
export const axe = async (p: Page, screen: string) => {
  await settle(p);
  await expectNoSeriousA11yViolations(p, screen);
};

/**
 * A real pointer drag up to the drop: press on `from`, move past @dnd-kit's activation distance,
 * travel to the middle of `to`. The caller checks the overlay (or screenshots it) and releases.
 */
export const pointerDrag = async (p: Page, from: Locator, to: Locator) => {
  // Each box is read once: wait until both are drawn on screen (a row or a group drawn after a
  // cache read has no box yet, and boundingBox() does not wait for one).
  await expect(from).toBeInViewport();
  await expect(to).toBeInViewport();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await p.mouse.move(a.x + 40, a.y + a.height / 2);
  await p.mouse.down();
  await p.mouse.move(a.x + 50, a.y + a.height / 2 + 8, { steps: 3 });
  await p.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
};

/**
 * The header no longer counts a refresh's steps ("Refreshing 15/16"): a whole pull of a tier took
 * longer than expect's 15 s at load 30, so this waits as long as a pull may take.
 */
export const refreshDone = (page: Page) => expect(page.getByRole('banner')).not.toContainText('Refreshing', { timeout: 90_000 });

/**
 * The keyboard way to a button: wait until it is enabled (Apply waits for the access check, a
 * dialog's button for a choice to render), focus it, check it holds the focus, then press Enter.
 * A key sent to a button still disabled reaches whatever held the focus instead.
 */
export const enterOn = async (page: Page, button: Locator) => {
  await expect(button).toBeEnabled();
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
};

/**
 * Opens a navigation section by its name, as an admin clicks it, and waits until the section is
 * the current one. Its screen is drawn after that (each area loads lazily, then reads the cache):
 * wait on what the test needs from it, never read it once.
 */
export const nav = async (page: Page, area: string) => {
  const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: area, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'page');
};

/** Sync → "Work offline" on or off, and waits for the header to say so. */
export const workOffline = async (page: Page, on: boolean) => {
  await nav(page, 'Sync');
  const toggle = page.getByLabel('Work offline');
  if (on) await toggle.check();
  else await toggle.uncheck();
  await expect(page.getByTestId('connection-state')).toHaveText(on ? 'Working offline' : 'Online');
};

/** The first group after All Accounts in the side list, once the list has drawn one (a fresh screen draws it a frame later). */
export const firstGroup = async (p: Page): Promise<string> => {
  let name = '';
  await expect(async () => {
    const ids = await p.locator('[data-testid^="group-item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    name = ids.map((id) => id.replace('group-item-', '')).find((n) => n !== 'All Accounts') ?? '';
    expect(name, 'a group other than All Accounts drawn in the list').not.toBe('');
  }).toPass({ timeout: 45_000 });
  return name;
};
