import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncApi } from '../../shared/api/sync';
import type { FuzzPlatform } from './platforms';
import { watched } from './watch';

/** A platform whose GET answers after `answer()` says so (never, for a hang). */
const platform = (answer: () => Promise<void>): FuzzPlatform => {
  const api = {
    get: async () => {
      await answer();
      return {};
    },
  } as unknown as SyncApi;
  return { accountId: 'acct', api: () => api, truth: async () => ({}) as never, close: async () => {} };
};

describe('the fuzz guard judges a seed by what it does, not by the clock', () => {
  // The guard's own clock is faked, so these tests say the same on a loaded machine.
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] }));
  afterEach(() => void vi.useRealTimers());

  it('a seed that stops answering is failed as stalled, naming the seed', async () => {
    const p = platform(() => new Promise<void>(() => {}));
    const run = expect(watched('seed 7', p, { stallMs: 50, maxCalls: 100 }, (w) => w.api(0, 7).get('Account', 'a'))).rejects.toThrow(
      /^seed 7: stalled: no platform answer for 50 ms after 0 platform calls$/,
    );
    await vi.advanceTimersByTimeAsync(100);
    await run;
  });

  it('a seed that keeps calling past the limit is failed as a runaway', async () => {
    const p = platform(async () => {});
    const forever = async (w: FuzzPlatform) => {
      for (;;) await w.api(0, 8).get('Account', 'a');
    };
    await expect(watched('seed 8', p, { stallMs: 10_000, maxCalls: 20 }, forever)).rejects.toThrow(/^seed 8: runaway: more than 20 calls/);
  });

  it('a slow seed that keeps answering is not failed, however long it takes', async () => {
    const p = platform(() => new Promise<void>((r) => setTimeout(r, 30)));
    const slow = async (w: FuzzPlatform) => {
      for (let i = 0; i < 10; i++) await w.api(0, 9).get('Account', 'a');
      return 'done';
    };
    // 10 answers 30 ms apart: 300 ms in all, six times the 50 ms allowed between answers.
    const run = watched('seed 9', p, { stallMs: 50, maxCalls: 100 }, slow);
    await vi.advanceTimersByTimeAsync(300);
    await expect(run).resolves.toBe('done');
  });
});
