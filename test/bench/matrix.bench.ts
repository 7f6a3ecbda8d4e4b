// The Review section's matrix in Chromium against the reference platform, large tier by default
// (20,000 accounts × 500 groups; 2,000 users × 500 groups):
//   review.matrix.firstPaint                  Matrix tab clicked → first cells drawn            target < 1 s
//   review.matrix.<kind>.<axis>.p50|p95       frame time (ms) while scrolling down then up
//                                            (vertical) or right then left (horizontal)        target ≤ 16.7
//   review.matrix.<kind>.<axis>.framesOver16.7  frames slower than 60 fps, of `frames`
//   review.matrix.<kind>.<axis>.longTasks     tasks over 50 ms while scrolling                 target 0
// The scroll is driven inside the page, one step per animation frame (as a wheel or a dragged
// scrollbar moves it), and frames are timed by requestAnimationFrame: a frame over 16.7 ms is a
// frame the admin sees dropped. One platform serves the run; every child is stopped in finally.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { benchTiers, emit, percentile } from './emit';
import { refreshDone, withWebOnTier } from './support/webTier';

const PULL_TIMEOUT = 15 * 60_000;
const STEP_TIMEOUT = 5 * 60_000;
/** Frames per direction: 300 frames of 48 px rows or 60 px columns, about 5 s at 60 fps. */
const FRAMES = 300;
const FRAME_BUDGET = 1000 / 60;


interface Scroll {
  frames: number[];
  longTasks: number;
}

/**
 * Scrolls the grid `step` px per frame along `axis`, `FRAMES` frames one way then back; frame
 * times in ms. Sent as text: tsx would wrap named functions in a helper the page does not have.
 */
const scroll = (page: Page, grid: string, axis: 'vertical' | 'horizontal', step: number): Promise<Scroll> =>
  page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector('[role="grid"][aria-label="${grid}"]');
    const prop = ${JSON.stringify(axis === 'vertical' ? 'scrollTop' : 'scrollLeft')};
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => { longTasks += list.getEntries().length; });
    observer.observe({ type: 'longtask' });
    const times = [];
    let last = 0;
    let i = 0;
    const frame = (t) => {
      if (last) times.push(t - last);
      last = t;
      if (i === ${2 * FRAMES}) {
        observer.disconnect();
        resolve({ frames: times, longTasks });
        return;
      }
      el[prop] += i < ${FRAMES} ? ${step} : -${step};
      i++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`);

/**
 * Waits until the page is quiet (30 frames in a row under 20 ms, or 30 s): the view's first
 * paint and the cache's background reads are not the scroll being measured.
 */
const settle = (page: Page): Promise<unknown> =>
  page.evaluate(`new Promise((resolve) => {
    const until = performance.now() + 30000;
    let quiet = 0;
    let last = 0;
    const frame = (t) => {
      quiet = last && t - last < 20 ? quiet + 1 : 0;
      last = t;
      if (quiet >= 30 || t > until) resolve(quiet);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`);

/** MATRIX_PROFILE=<dir>: a CPU profile of each scroll is written there (to find a slow frame's cause). */
const profiled = async (page: Page, name: string, run: () => Promise<Scroll>): Promise<Scroll> => {
  const dir = process.env.MATRIX_PROFILE;
  await settle(page);
  if (!dir) return run();
  if (process.env.MATRIX_TRACE) {
    const browser = page.context().browser()!;
    await browser.startTracing(page, { path: path.join(dir, `${name}.trace.json`), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    try {
      return await run();
    } finally {
      await browser.stopTracing();
    }
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
};

const emitScroll = (tier: string, kind: string, axis: string, r: Scroll) => {
  const sorted = [...r.frames].sort((a, b) => a - b);
  const over = r.frames.filter((f) => f > FRAME_BUDGET + 0.5).length;
  const base = `review.matrix.${kind}.${axis}`;
  const extra = { tier, frames: r.frames.length, maxMs: Math.round(sorted.at(-1) ?? 0) };
  emit({ metric: `${base}.p50`, value: percentile(sorted, 50), unit: 'ms', ...extra, target: '≤ 16.7' });
  emit({ metric: `${base}.p95`, value: percentile(sorted, 95), unit: 'ms', ...extra, target: '≤ 16.7' });
  emit({ metric: `${base}.framesOver16.7`, value: over, unit: 'frames', ...extra, target: '0' });
  emit({ metric: `${base}.longTasks`, value: r.longTasks, unit: 'tasks', ...extra, target: '0' });
};

const runTier = async (browser: Browser, webUrl: string, tier: string) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(webUrl);
    await refreshDone(page, PULL_TIMEOUT);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }).click();
    const t0 = performance.now();
    await page.getByRole('tab', { name: 'Matrix' }).click();
    const membership = 'Groups × accounts';
    await page.getByRole('grid', { name: membership }).getByRole('gridcell').first().waitFor();
    emit({ metric: 'review.matrix.firstPaint', value: performance.now() - t0, unit: 'ms', tier, observed: 'outside the page', target: '< 1000' });
    const size = (await page.getByTestId('matrix-size').textContent()) ?? '';
    process.stderr.write(`matrix bench: ${size}\n`);
    emitScroll(tier, 'membership', 'vertical', await profiled(page, 'membership-vertical', () => scroll(page, membership, 'vertical', 48)));
    emitScroll(tier, 'membership', 'horizontal', await profiled(page, 'membership-horizontal', () => scroll(page, membership, 'horizontal', 60)));

    await page.getByRole('button', { name: 'Users × groups' }).click();
    const roles = 'Users × groups';
    await page.getByRole('grid', { name: roles }).getByRole('gridcell').first().waitFor();
    emitScroll(tier, 'roles', 'vertical', await profiled(page, 'roles-vertical', () => scroll(page, roles, 'vertical', 48)));
    emitScroll(tier, 'roles', 'horizontal', await profiled(page, 'roles-horizontal', () => scroll(page, roles, 'horizontal', 60)));
  } finally {
    await context.close();
  }
};

const benchTier = (tier: string) => withWebOnTier('matrix', tier, (browser, webUrl) => runTier(browser, webUrl, tier));

// Large by default; BENCH_TIERS=partner for a quick run.
const tiers = process.env.BENCH_TIERS ? benchTiers(['partner', 'large']) : ['large'];
for (const tier of tiers) {
  await benchTier(tier);
}
