// Start-up as a user meets it (issue: cold paths). The second start of `npm run web` on an
// existing data dir with the same browser profile: process start → seed 002's groups painted in
// Chromium (target ≤ 1.5 s), then the host's RSS once idle (target ≤ 300 MB). And the embedded
// platform alone: reopen time and RSS in a fresh process. Linux only (RSS read from /proc).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';
import { freePort, startWebHost, tempDir } from '../e2e/support/host';
import { emit } from './emit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** RSS (MB) of the node processes under `pid` (npm's own process is the launcher, not the host). */
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
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      const i = info.get(c);
      if (i?.comm === 'node' || i?.comm === 'MainThread') total += i.rssMB;
      walk(c);
    }
  };
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

const webBench = async () => {
  const dataDir = tempDir('bench-web');
  const profile = tempDir('bench-web-profile');
  const port = await freePort();
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const start = async () => {
      const t0 = performance.now();
      const web = await startWebHost({ dataDir, port });
      const urlMs = performance.now() - t0;
      const page = await context.newPage();
      await page.goto(web.url);
      await page.getByTestId('group-item-Services 2').waitFor({ state: 'visible', timeout: 120_000 });
      return { web, page, urlMs, paintMs: performance.now() - t0 };
    };
    // First start: creates and seeds the data dir and fills the page's cache.
    const first = await start();
    await first.page.close();
    await first.web.stop();
    const paints: number[] = [];
    const urls: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const s = await start();
      paints.push(s.paintMs);
      urls.push(s.urlMs);
      // Idle: the first pull has settled; nothing is asked of the host for a few seconds.
      await s.page.waitForTimeout(5_000);
      rss.push(hostRss(s.web.proc.pid!));
      await s.page.close();
      await s.web.stop();
    }
    emit({ metric: 'web.secondStart.paint', value: median(paints), unit: 'ms', tier: 'demo', target: 1500, rounds: ROUNDS, servedMs: median(urls), firstStartMs: first.paintMs });
    emit({ metric: 'web.idleRss', value: median(rss), unit: 'MB', tier: 'demo', target: 300 });
  } finally {
    await context.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
};

reopenBench();
await webBench();
