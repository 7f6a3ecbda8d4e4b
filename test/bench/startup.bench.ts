// Start-up as a user meets it (issue: cold paths). The second start of `npm run web` on an
// existing data dir with the same browser profile: process start → seed 002's groups painted in
// Chromium (target ≤ 1.5 s), then the host's RSS once idle (target ≤ 300 MB). And the embedded
// platform alone: reopen time and RSS in a fresh process. Linux only (RSS read from /proc).
// The paint line carries where the median start spent its time (`breakdown`, ms since npm was
// spawned: the host's ROSTER_STARTUP marks, electron/web/startupTrace.ts, and the page's own
// navigation timing) and the load average as each start began.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';
import { freePort, startWebHost, tempDir } from '../e2e/support/host';
import { emit } from './emit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Starts measured per line; BENCH_STARTUP_ROUNDS=N takes more (a busy machine needs more to settle a median). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_STARTUP_ROUNDS) || 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** RSS (MB) of the host: `pid` and the node processes under it (its embedded platform thread is in the same process). */
const hostRss = (pid: number): number => {
  const children = new Map<number, number[]>();
  const info = new Map<number, { comm: string; rssMB: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'));
      info.set(Number(d), { comm, rssMB: rss ? Number(rss[1]) / 1024 : 0 });
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const count = (p: number) => {
    const i = info.get(p);
    if (i?.comm === 'node' || i?.comm === 'MainThread') total += i.rssMB;
  };
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      count(c);
      walk(c);
    }
  };
  // Under npm the host is npm's child; started as node itself (the E2E default) it is `pid`.
  count(pid);
  walk(pid);
  return total;
};

const reopenBench = () => {
  const dir = tempDir('bench-reopen');
  try {
    const run = () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(ROOT, 'test/bench/support/reopen.ts'), dir], { cwd: ROOT, encoding: 'utf8' });
      const line = r.stdout.split('\n').find((l) => l.startsWith('REOPEN '));
      if (r.status !== 0 || !line) throw new Error(`reopen exited ${r.status}: ${r.stderr.slice(-2000)}`);
      return JSON.parse(line.slice(7)) as { reopenMs: number; rssMB: number; peakRssMB: number };
    };
    run(); // creates and seeds
    const runs = Array.from({ length: ROUNDS }, run);
    emit({ metric: 'embedded.reopen', value: median(runs.map((r) => r.reopenMs)), unit: 'ms', tier: 'demo', rounds: ROUNDS });
    emit({ metric: 'embedded.rss', value: median(runs.map((r) => r.rssMB)), unit: 'MB', tier: 'demo', peakRssMB: median(runs.map((r) => r.peakRssMB)) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The host's ROSTER_STARTUP marks (electron/web/startupTrace.ts), epoch ms by name. */
const hostMarks = (stderr: string): Record<string, number> =>
  Object.fromEntries(
    stderr
      .split('\n')
      .filter((l) => l.startsWith('ROSTER_STARTUP '))
      .map((l) => JSON.parse(l.slice('ROSTER_STARTUP '.length)) as { mark: string; at: number })
      .map((m) => [m.mark, m.at]),
  );

/**
 * Set in the page before its scripts run: when seed 002's groups first reach a painted frame. A
 * string, not a function: tsx's name-keeping helpers do not exist in the page.
 */
const WATCH_PAINT = `(() => {
  const watch = (selector, key) => {
    const obs = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      obs.disconnect();
      requestAnimationFrame(() => { window[key] = performance.timeOrigin + performance.now(); });
    });
    obs.observe(document, { childList: true, subtree: true });
  };
  watch('[data-testid="group-item-Services 2"]', '__paintedAt');
  // The open group's page (its title): drawn in the render after the list (GroupsArea).
  watch('#group-title', '__groupPagePaintedAt');
})();`;

interface PageMarks {
  navigation: number;
  html?: number;
  scriptsLoaded?: number;
  scriptsFromCache: number;
  scripts: number;
  domContentLoaded?: number;
  painted?: number;
  groupPagePainted?: number;
}

/** The page's own timeline (epoch ms): navigation, HTML, scripts, the paint. */
const PAGE_MARKS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const at = (ms) => (ms === undefined ? undefined : performance.timeOrigin + ms);
  const scripts = res.filter((r) => r.name.includes('/assets/') && r.name.endsWith('.js'));
  return {
    navigation: performance.timeOrigin,
    html: at(nav.responseEnd),
    scriptsLoaded: at(Math.max(...scripts.map((r) => r.responseEnd))),
    scriptsFromCache: scripts.filter((r) => r.transferSize === 0).length,
    scripts: scripts.length,
    domContentLoaded: at(nav.domContentLoadedEventEnd),
    painted: window.__paintedAt,
    groupPagePainted: window.__groupPagePaintedAt,
  };
})()`;

const webBench = async () => {
  const dataDir = tempDir('bench-web');
  const profile = tempDir('bench-web-profile');
  const port = await freePort();
  process.env.ROSTER_STARTUP_TRACE = '1';
  // The 1-minute load average as each start began (the line's own loadAvg is at its end).
  const loads: number[] = [];
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  await context.addInitScript({ content: WATCH_PAINT });
  try {
    const start = async () => {
      loads.push(Math.round(os.loadavg()[0]! * 100) / 100);
      const t0Epoch = Date.now();
      const t0 = performance.now();
      const web = await startWebHost({ dataDir, port, viaNpm: true });
      const urlMs = performance.now() - t0;
      // A start that fails past this point must not leave its host running after the bench.
      try {
        const page = await context.newPage();
        await page.goto(web.url);
        await page.getByTestId('group-item-Services 2').waitFor({ state: 'visible', timeout: 120_000 });
        const paintMs = performance.now() - t0;
        await page.waitForFunction('window.__paintedAt !== undefined');
        await page.locator('#group-title').waitFor({ timeout: 120_000 });
        await page.waitForFunction('window.__groupPagePaintedAt !== undefined');
        const p = (await page.evaluate(PAGE_MARKS)) as PageMarks;
        return { web, page, urlMs, paintMs, t0Epoch, p };
      } catch (e) {
        await web.stop();
        throw e;
      }
    };
    /**
     * The platform opened and the page's refresh after the paint is over: a pull answered and the
     * refresh button enabled again. On a busy machine that is well after the paint.
     */
    const settled = async (s: Awaited<ReturnType<typeof start>>) => {
      for (let i = 0; i < 1200 && !hostMarks(s.web.log())['answer:platform.pull']; i++) await s.page.waitForTimeout(100);
      await s.page.getByRole('button', { name: 'Refresh from the platform' }).and(s.page.locator(':enabled')).waitFor({ timeout: 120_000 });
    };
    /** Every step as ms since the bench spawned `npm run web` (its process start, as a user's click). */
    const breakdown = (s: Awaited<ReturnType<typeof start>>) => {
      const h = hostMarks(s.web.log());
      const { p } = s;
      const since = (at: number | undefined) => (at === undefined ? null : Math.round(at - s.t0Epoch));
      return {
        nodeStarted: since(h.node), scriptRan: since(h.script), bundleChecked: since(h.bundleChecked), hostMain: since(h.hostMain),
        listening: since(h.listening), embeddedStart: since(h.embeddedStart), embeddedReady: since(h.embeddedReady),
        pageRequested: since(p.navigation), htmlServed: since(p.html), scriptsLoaded: since(p.scriptsLoaded), domContentLoaded: since(p.domContentLoaded),
        firstCallArrived: since(h['call:connection.get']), firstCallAnswered: since(h['answer:connection.get']), painted: since(p.painted),
        groupPagePainted: since(p.groupPagePainted), servicesLoaded: since(h.servicesLoaded),
        scriptsFromCache: `${p.scriptsFromCache}/${p.scripts}`,
      };
    };
    // First start: creates and seeds the data dir and fills the page's cache.
    /** One start, measured by `measure`, and always stopped after. */
    const round = async <T>(measure: (s: Awaited<ReturnType<typeof start>>) => Promise<T>): Promise<T> => {
      const s = await start();
      try {
        return await measure(s);
      } finally {
        await s.page.close().catch(() => undefined);
        await s.web.stop();
      }
    };
    // The first start fills the data dir and, once its pull is over, the page's cache to paint from.
    const firstPaintMs = await round(async (s) => (await settled(s), s.paintMs));
    const paints: number[] = [];
    const urls: number[] = [];
    const rss: number[] = [];
    const breakdowns: Record<string, unknown>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await round(async (s) => {
        paints.push(s.paintMs);
        urls.push(s.urlMs);
        await settled(s);
        // Idle: nothing is asked of the host for a few seconds.
        await s.page.waitForTimeout(5_000);
        breakdowns.push(breakdown(s));
        rss.push(hostRss(s.web.proc.pid!));
      });
    }
    const mid = breakdowns[paints.indexOf(median(paints))];
    emit({ metric: 'web.secondStart.paint', value: median(paints), unit: 'ms', tier: 'demo', target: 1500, rounds: ROUNDS, servedMs: median(urls), firstStartMs: firstPaintMs, paints, load1AtStarts: loads.slice(1), breakdown: mid });
    emit({ metric: 'web.idleRss', value: median(rss), unit: 'MB', tier: 'demo', target: 300 });
  } finally {
    await context.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
};

// BENCH_STARTUP=web skips the embedded platform's own reopen (when only the host's start is of interest).
if (process.env.BENCH_STARTUP !== 'web') reopenBench();
await webBench();
