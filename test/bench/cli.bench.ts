// The `roster` CLI as a user meets it (issue: cold paths): a fresh process answering `who` for
// the busiest account and `reach` for the heaviest user of a huge-tier snapshot file (100,000
// accounts, ~600,000 links), as a ratio to a fresh process doing nothing but JSON.parse of the
// same file, measured in the same run. Target ≤ 2.0×. Peak RSS of both, too.
// Reuses ROSTER_BENCH_SNAPSHOT when given (e.g. /tmp/huge.json from `npm run gen`), else generates one.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../../shared/model';
import { benchTiers, emit } from './emit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUSAGE = path.join(ROOT, 'test/bench/support/rusage.mjs');
const ROUNDS = 3;

interface Usage {
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
}

/** Runs node with the RUSAGE reporter; stdout is discarded (the CLI's JSON is not the point). */
const measure = (args: string[]): Usage => {
  const r = spawnSync(process.execPath, ['--import', RUSAGE, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const line = r.stderr.split('\n').find((l) => l.startsWith('RUSAGE '));
  if (r.status !== 0 || !line) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('RUSAGE '.length)) as Usage;
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const snapshotFile = (dir: string): string => {
  const given = process.env.ROSTER_BENCH_SNAPSHOT;
  if (given) return given;
  const file = path.join(dir, 'huge.json');
  const fd = openSync(file, 'w');
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cli/gen.ts'), '--tier', 'huge', '--seed', '1'], { cwd: ROOT, stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  if (r.status !== 0) throw new Error(`gen --tier huge exited ${r.status}`);
  return file;
};

/** The account in most groups and the user in most groups: the worst cases, as the access bench picks them. */
const heaviest = (file: string): { account: string; user: string } => {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const count = (xs: string[]) => {
    const n = new Map<string, number>();
    let best = '';
    for (const x of xs) {
      n.set(x, (n.get(x) ?? 0) + 1);
      if (n.get(x)! > (n.get(best) ?? 0)) best = x;
    }
    return best;
  };
  return {
    account: count(snap.AccountGroupAccount.map((l) => l.accountId)),
    user: count([...new Set(snap.AccountGroupUserRole.map((l) => `${l.userId}\n${l.accountGroupId}`))].map((k) => k.split('\n')[0]!)),
  };
};

const run = (): void => {
  if (!benchTiers(['huge']).includes('huge')) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'roster-bench-cli-'));
  try {
    const file = snapshotFile(dir);
    const { account, user } = heaviest(file);
    const bin = path.join(ROOT, 'bin/roster.mjs');
    // The bundle as `npm run build` makes it, so no run below pays for bundling.
    if (spawnSync(process.execPath, [path.join(ROOT, 'scripts/cli-bundle.mjs')], { cwd: ROOT, stdio: 'ignore' }).status !== 0) throw new Error('cannot bundle the CLI');
    const cases = {
      parse: ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`],
      who: [bin, 'who', '--snapshot', file, '--account', account],
      reach: [bin, 'reach', '--snapshot', file, '--user', user],
    };
    const runs: Record<keyof typeof cases, Usage[]> = { parse: [], who: [], reach: [] };
    // Interleaved rounds: a busy machine slows all three alike.
    for (let i = 0; i < ROUNDS; i++) for (const k of Object.keys(cases) as (keyof typeof cases)[]) runs[k].push(measure(cases[k]));
    const parse = { wallMs: median(runs.parse.map((u) => u.wallMs)), cpuMs: median(runs.parse.map((u) => u.cpuMs)), maxRssMB: median(runs.parse.map((u) => u.maxRssMB)) };
    emit({ metric: 'cli.jsonParse.wall', value: parse.wallMs, unit: 'ms', tier: 'huge', cpuMs: parse.cpuMs, peakRssMB: parse.maxRssMB });
    for (const k of ['who', 'reach'] as const) {
      const wall = median(runs[k].map((u) => u.wallMs));
      const cpu = median(runs[k].map((u) => u.cpuMs));
      const rss = median(runs[k].map((u) => u.maxRssMB));
      emit({ metric: `cli.${k}.ratioToJsonParse`, value: wall / parse.wallMs, unit: 'x', tier: 'huge', target: 2, cpuRatio: cpu / parse.cpuMs, wallMs: wall, parseWallMs: parse.wallMs, rounds: ROUNDS });
      emit({ metric: `cli.${k}.peakRss`, value: rss, unit: 'MB', tier: 'huge', jsonParsePeakRssMB: parse.maxRssMB });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

run();
