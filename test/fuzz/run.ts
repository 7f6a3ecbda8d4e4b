// `npm run fuzz -- [--seeds 1-2000] [--real 20] [--clients N]`: thousands of seeds on the
// in-memory platform, and the first `--real` of them again on the reference platform (HTTP,
// PGlite, its fault injection). A failing seed is printed with its violations: pin it in
// test/fuzz/sync.fuzz.test.ts (PINNED). Exit 1 if any seed failed.
import { startFake, startReal } from './platforms';
import { simulate } from './sim';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const [from, to] = (arg('seeds') ?? '1-2000').split('-').map(Number) as [number, number];
const real = Number(arg('real') ?? 10);
const clients = arg('clients') ? Number(arg('clients')) : undefined;
if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || !Number.isInteger(real) || real < 0) {
  process.stderr.write('usage: npm run fuzz -- --seeds FROM-TO [--real N] [--clients 2|3]\n');
  process.exit(2);
}

const failed: number[] = [];
const report = (kind: string, seed: number, violations: string[]) => {
  if (!violations.length) return;
  failed.push(seed);
  process.stdout.write(`${JSON.stringify({ kind, seed, violations })}\n`);
};

const t0 = performance.now();
let ops = 0;
// Visible, not failures: creates reported as possibly renamed, and shared-list effects lost in the
// vendor API's GET→UPDATE window (see shared/sync/calls/resources.ts).
let doubtfulCreates = 0;
let residual = 0;
const tally = (r: { ops: number; doubtfulCreates: number; residual: number }) => {
  ops += r.ops;
  doubtfulCreates += r.doubtfulCreates;
  residual += r.residual;
};
for (let seed = from; seed <= to; seed++) {
  const r = await simulate(startFake(seed), { seed, ...(clients ? { clients } : {}) });
  tally(r);
  report('memory', seed, r.violations);
  if ((seed - from + 1) % 200 === 0) process.stderr.write(`fuzz: ${seed - from + 1} seeds, ${ops} ops, ${failed.length} failing\n`);
}
for (let seed = from; seed < from + real && seed <= to; seed++) {
  const p = await startReal(seed);
  try {
    const r = await simulate(p, { seed, ...(clients ? { clients } : {}) });
    tally(r);
    report('platform', seed, r.violations);
  } finally {
    await p.close();
  }
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(`${JSON.stringify({ seeds: to - from + 1, realPlatformSeeds: Math.min(real, to - from + 1), ops, doubtfulCreates, residual, failing: [...new Set(failed)], seconds })}\n`);
process.exit(failed.length ? 1 : 0);
