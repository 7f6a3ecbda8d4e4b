/** A small seeded PRNG (mulberry32): the same seed always yields the same tier. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  /** Upper-case alphanumeric tag, like the suffixes of Boomi account ids. */
  tag(len: number): string;
  uuid(): string;
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const HEX = '0123456789abcdef';

/** mulberry32: small, fast and seedable; the one PRNG behind tiers, jitter, fuzz and faults. */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const makeRng = (seed: number): Rng => {
  const next = mulberry32(seed >>> 0 || 0x9e3779b9);
  const int = (n: number): number => Math.floor(next() * n);
  const chars = (alphabet: string, len: number): string => {
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[int(alphabet.length)];
    return s;
  };
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!,
    chance: (p: number) => next() < p,
    tag: (len: number) => chars(ALNUM, len),
    uuid: () => `${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-8${chars(HEX, 3)}-${chars(HEX, 12)}`,
  };
};
