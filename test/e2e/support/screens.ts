import type { Page } from '@playwright/test';
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
