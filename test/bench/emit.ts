import os from 'node:os';

/** One JSON line per metric, as `npm run bench` promises. */
export interface Metric {
  metric: string;
  value: number;
  unit: string;
  tier: string;
  [extra: string]: unknown;
}

/**
 * The machine's load when the line is written (1, 5 and 15 minute averages) and its cores: a
 * number taken while others kept the cores busy is recognisable as such.
 */
export const conditions = (): { loadAvg: number[]; cores: number } => ({
  loadAvg: os.loadavg().map((l) => Math.round(l * 100) / 100),
  cores: os.availableParallelism(),
});

export const emit = (m: Metric): void => {
  process.stdout.write(`${JSON.stringify({ ...m, value: Math.round(m.value * 1000) / 1000, ...conditions() })}\n`);
};

export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

export const timeIt = async <T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> => {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
};

/** Tiers to run: `npm run bench -- --tier large` or BENCH_TIERS=large,huge. */
export const benchTiers = (defaults: string[]): string[] => {
  const env = process.env.BENCH_TIERS;
  return env ? env.split(',').filter((t) => defaults.includes(t)) : defaults;
};
