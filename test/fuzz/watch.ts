// The fuzz's guard against a run that hangs or runs away, judged by what it does rather than by
// the wall clock: a loaded machine makes a seed slow, never silent, and never makes it send more
// calls. A stall (no platform call answered for `stallMs`) is a hang; more than `maxCalls` calls
// in one seed is a runaway loop (a retry or conflict ping-pong that never settles).
import type { SyncApi } from '../../shared/api/sync';
import type { FuzzPlatform } from './platforms';

export interface Watch {
  /** Platform calls answered (or failed) since the watch began. */
  calls: number;
  /** performance.now() of the last answer. */
  lastAt: number;
  /** Set once a limit is crossed; the run is failed with it. */
  tripped: Error | null;
}

export interface WatchLimits {
  stallMs: number;
  maxCalls: number;
}

/**
 * `api` with every call it answers counted; the same methods (bulkGet included, where it has
 * one). Once the watch has tripped every call fails with its error, so the failed seed stops
 * instead of running on behind the next one.
 */
const watchedApi = (api: SyncApi, w: Watch, seen: () => void): SyncApi => {
  const view: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(api)) {
    if (typeof f !== 'function') view[name] = f;
    else if (name === 'query') view[name] = (...a: Parameters<SyncApi['query']>) => pages(api.query(...a), w, seen);
    else
      view[name] = async (...a: unknown[]) => {
        if (w.tripped) throw w.tripped;
        return (f as (...a: unknown[]) => Promise<unknown>).apply(api, a).finally(seen);
      };
  }
  return view as unknown as SyncApi;
};

const pages = <P>(scan: AsyncIterable<P>, w: Watch, seen: () => void): AsyncIterable<P> => ({
  async *[Symbol.asyncIterator]() {
    try {
      for await (const page of scan) {
        seen();
        if (w.tripped) throw w.tripped;
        yield page;
      }
    } finally {
      seen();
    }
  },
});

/**
 * Runs `run` against a watched view of `platform` and fails it, naming `what`, on a stall or a
 * runaway. Progress is every platform answer, so the guard holds at any machine speed.
 */
export const watched = async <T>(what: string, platform: FuzzPlatform, limits: WatchLimits, run: (p: FuzzPlatform) => Promise<T>): Promise<T> => {
  const w: Watch = { calls: 0, lastAt: performance.now(), tripped: null };
  let trip: (e: Error) => void = () => {};
  const tripped = new Promise<never>((_, reject) => (trip = reject));
  const fail = (why: string) => {
    if (w.tripped) return;
    w.tripped = new Error(`${what}: ${why} after ${w.calls} platform calls`);
    trip(w.tripped);
  };
  const seen = () => {
    w.calls++;
    w.lastAt = performance.now();
    if (w.calls > limits.maxCalls) fail(`runaway: more than ${limits.maxCalls} calls`);
  };
  const timer = setInterval(() => {
    if (performance.now() - w.lastAt > limits.stallMs) fail(`stalled: no platform answer for ${limits.stallMs} ms`);
  }, Math.min(1_000, limits.stallMs));
  const view: FuzzPlatform = {
    accountId: platform.accountId,
    api: (i, seed) => watchedApi(platform.api(i, seed), w, seen),
    truth: async () => {
      try {
        return await platform.truth();
      } finally {
        seen();
      }
    },
    close: () => platform.close(),
  };
  try {
    return await Promise.race([run(view), tripped]);
  } finally {
    clearInterval(timer);
  }
};
