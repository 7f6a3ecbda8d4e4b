import { mulberry32 } from '../seeds/prng';

/** Time is injected so the engine runs on a fake clock in tests and a real one in main and the CLI. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const t = setTimeout(done, Math.max(0, ms));
      function done(): void {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** A small seeded PRNG (mulberry32) for jitter and fuzzing: the same seed, the same run. */
export const seededRandom = (seed: number): (() => number) => mulberry32(seed);
