/**
 * Fault injection, so tests meet the failures a real platform has; off by default. Shares are per request:
 * `503` and `500` answer with that status and do nothing; `drop` closes the connection without
 * an answer and does nothing; `commit-drop` performs a write and then closes the connection, so
 * the change happens but the client sees a failure; `latency` delays every request by a uniform
 * random time in [min, max] ms. `seed` makes the sequence of decisions reproducible.
 */
import { mulberry32 } from '../shared/seeds/prng';

export interface Faults {
  p503: number;
  p500: number;
  drop: number;
  commitDrop: number;
  latency: [number, number];
  seed?: number;
}

export const NO_FAULTS: Faults = { p503: 0, p500: 0, drop: 0, commitDrop: 0, latency: [0, 0] };

const share = (key: string, v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`fault share ${key}=${v} must be a number between 0 and 1`);
  return n;
};

/** Parses `503=0.1,500=0.05,drop=0.05,commit-drop=0.05,latency=20-200[,seed=7]`; '' or 'off' = none. */
export const parseFaults = (spec: string | undefined): Faults => {
  const f: Faults = { ...NO_FAULTS, latency: [0, 0] };
  if (!spec || spec.trim() === '' || spec.trim() === 'off') return f;
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key, value = ''] = part.split('=').map((s) => s.trim()) as [string, string?];
    if (key === '503') f.p503 = share(key, value);
    else if (key === '500') f.p500 = share(key, value);
    else if (key === 'drop') f.drop = share(key, value);
    else if (key === 'commit-drop') f.commitDrop = share(key, value);
    else if (key === 'latency') {
      const m = /^(\d+)(?:-(\d+))?$/.exec(value);
      if (!m) throw new Error(`latency=${value} must be N or MIN-MAX in milliseconds`);
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : Number(m[2]);
      if (hi < lo) throw new Error(`latency=${value}: MAX must not be below MIN`);
      f.latency = [lo, hi];
    } else if (key === 'seed') f.seed = Number(value);
    else throw new Error(`unknown fault "${key}"; expected 503, 500, drop, commit-drop, latency or seed`);
  }
  if (f.p503 + f.p500 + f.drop > 1) throw new Error('the shares of 503, 500 and drop add up to more than 1');
  return f;
};

export const formatFaults = (f: Faults): string =>
  [
    f.p503 && `503=${f.p503}`, f.p500 && `500=${f.p500}`, f.drop && `drop=${f.drop}`, f.commitDrop && `commit-drop=${f.commitDrop}`,
    (f.latency[0] || f.latency[1]) && `latency=${f.latency[0]}-${f.latency[1]}`, f.seed !== undefined && `seed=${f.seed}`,
  ].filter(Boolean).join(',') || 'off';

/** Seedable so a fault run can be replayed; unseeded runs use Math.random. */
export const makeRandom = (seed?: number): (() => number) => (seed === undefined ? Math.random : mulberry32(seed));

export type FaultDecision = 'none' | '503' | '500' | 'drop';

export const decide = (f: Faults, rnd: () => number): FaultDecision => {
  const r = rnd();
  if (r < f.p503) return '503';
  if (r < f.p503 + f.p500) return '500';
  if (r < f.p503 + f.p500 + f.drop) return 'drop';
  return 'none';
};

export const latencyMs = (f: Faults, rnd: () => number): number => f.latency[0] + rnd() * (f.latency[1] - f.latency[0]);
