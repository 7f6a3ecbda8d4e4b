import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exampleSnapshot } from '../../../shared/seeds/example';
import type { ObjectType } from '../../../shared/model';
import type { PullResult, RosterBridge } from '../../../shared/ipc';
import { applyScan, openRosterDb, type RosterDb } from '../../../renderer/src/cache';
import { startApp, whenRefreshesSettle } from '../../../renderer/src/app/startup';
import { useConnection } from '../../../renderer/src/app/connectionStore';

let db: RosterDb;
let n = 0;
let stop: (() => void) | undefined;
const frames: (() => void)[] = [];
const g = globalThis as { requestAnimationFrame?: (cb: () => void) => number };
afterEach(async () => {
  stop?.();
  // A refresh still looping on this test's bridge would swallow the next test's first refresh.
  await whenRefreshesSettle();
  delete g.requestAnimationFrame;
  frames.length = 0;
  useConnection.getState().set({ online: null, refreshing: false, lastRefresh: null });
  await db?.delete();
});

/** A bridge answering pulls from the example snapshot and noting each pulled type. */
const bridge = () => {
  const pulled: ObjectType[] = [];
  const snapshot = exampleSnapshot();
  const b: RosterBridge = {
    invoke: (async (channel: string, input: { objectType: ObjectType }) => {
      if (channel === 'connection.get') return { mode: 'embedded', url: '', accountId: '', user: '', online: true };
      if (channel === 'platform.pull') {
        pulled.push(input.objectType);
        return { objectType: input.objectType, records: snapshot[input.objectType], quarantined: [], complete: true } satisfies PullResult;
      }
      return { done: 0, total: 0, rate: 0, etaMs: null, paused: false, running: 0 };
    }) as RosterBridge['invoke'],
    on: () => () => {},
  };
  return { bridge: b, pulled };
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('start-up: warm start', () => {
  it('with a warm cache, the refresh waits for the first paint: nothing is pulled before the frame', async () => {
    db = openRosterDb(`startup-${++n}`);
    await applyScan(db, { objectType: 'AccountGroup', records: exampleSnapshot().AccountGroup, quarantined: [], complete: true });
    g.requestAnimationFrame = (cb) => frames.push(cb);
    const b = bridge();
    stop = startApp(db, b.bridge);
    await wait(300);
    expect(b.pulled).toEqual([]);
    expect(frames.length).toBe(1);
    frames.shift()!();
    // The grace after the frame (1 s), then the refresh.
    // Waits on the condition, not a clock: a loaded machine only makes it slower.
    await vi.waitFor(() => expect(useConnection.getState().lastRefresh).not.toBeNull(), { timeout: 20_000, interval: 50 });
    expect(b.pulled.length).toBeGreaterThan(0);
    expect(await db.AccountGroup.count()).toBe(3);
  });

  it('with nothing cached there is nothing to show: the refresh starts at once', async () => {
    db = openRosterDb(`startup-${++n}`);
    g.requestAnimationFrame = (cb) => frames.push(cb);
    const b = bridge();
    stop = startApp(db, b.bridge);
    await vi.waitFor(() => expect(b.pulled.length).toBeGreaterThan(0), { timeout: 20_000, interval: 20 });
    expect(frames).toEqual([]);
  });
});
