import type { Page } from '@playwright/test';

/** A preview's Apply as it was first drawn: whether it was disabled, its words, and the reason it gave. */
export interface FirstApply {
  disabled: boolean;
  text: string;
  /** The text of the element its aria-describedby names (the reason said beside it), or null. */
  reason: string | null;
}

/**
 * Watches the DOM, from before the gesture that opens a preview, for the first time its Apply
 * (the dialog's main button) is drawn: a fast click or Enter acts on that first frame, so what it
 * was then is what counts. Read it with firstApply once the dialog is visible.
 */
export const watchFirstApply = (p: Page) =>
  p.evaluate(() => {
    const w = window as unknown as { firstApply?: FirstApply | null };
    w.firstApply = null;
    const seen = () => {
      const b = document.querySelector<HTMLButtonElement>('[role="dialog"] .MuiDialogActions-root button.MuiButton-contained');
      if (!b || w.firstApply) return;
      const describedBy = b.getAttribute('aria-describedby');
      w.firstApply = { disabled: b.disabled, text: b.textContent ?? '', reason: describedBy ? (document.getElementById(describedBy)?.textContent ?? null) : null };
      obs.disconnect();
    };
    const obs = new MutationObserver(seen);
    obs.observe(document.body, { childList: true, subtree: true });
  });

export const firstApply = (p: Page) => p.evaluate(() => (window as unknown as { firstApply: FirstApply | null }).firstApply);
