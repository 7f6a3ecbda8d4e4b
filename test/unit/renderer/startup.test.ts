import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { OBJECT_TYPES, type ObjectType } from '../../../shared/model';
import type { PullResult, RosterBridge } from '../../../shared/ipc';
import { applyScan, openRosterDb, type RosterDb } from '../../../renderer/src/cache';
import { enqueuePlan } from '../../../renderer/src/sync/outbox';
import { connectionLabel } from '../../../renderer/src/app/ConnectionBadge';
import { firstScreenDrawn, startApp, whenRefreshesSettle } from '../../../renderer/src/app/startup';
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
  useConnection.getState().set({ online: null, refreshing: false, lastRefresh: null, workOffline: false });
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

  it('with a warm cache, main is asked nothing until the first screen is drawn and painted (main opens the platform when first asked)', async () => {
    db = openRosterDb(`startup-${++n}`);
    await applyScan(db, { objectType: 'AccountGroup', records: exampleSnapshot().AccountGroup, quarantined: [], complete: true });
    g.requestAnimationFrame = (cb) => frames.push(cb);
    const calls: string[] = [];
    const b = bridge();
    const invoke = b.bridge.invoke;
    b.bridge.invoke = ((channel: string, input: never) => {
      calls.push(channel);
      return invoke(channel as never, input);
    }) as RosterBridge['invoke'];
    stop = startApp(db, b.bridge);
    await wait(300);
    expect(calls).toEqual([]);
    // The area's screen is committed (AreaView reports it): the next frame, then the question.
    const before = frames.length;
    firstScreenDrawn();
    await vi.waitFor(() => expect(frames.length).toBe(before + 1), { timeout: 10_000, interval: 20 });
    await wait(100);
    expect(calls).toEqual([]);
    frames.pop()!();
    await vi.waitFor(() => expect(calls).toEqual(['connection.get']), { timeout: 10_000, interval: 20 });
    await vi.waitFor(() => expect(useConnection.getState().info?.online).toBe(true), { timeout: 10_000, interval: 20 });
    // The refresh's own frame (its grace follows) lets the refresh run to its end.
    frames.splice(0).forEach((f) => f());
    await vi.waitFor(() => expect(useConnection.getState().lastRefresh).not.toBeNull(), { timeout: 20_000, interval: 50 });
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

describe('back online after working offline', () => {
  it('sends the queued change before refreshing: the admin went back online to send it', async () => {
    db = openRosterDb(`startup-${++n}`);
    const s = exampleSnapshot();
    for (const t of OBJECT_TYPES) await applyScan(db, { objectType: t, records: s[t] as never[], quarantined: [], complete: true });
    useConnection.getState().set({ workOffline: true });
    const calls: string[] = [];
    const b = bridge();
    const invoke = b.bridge.invoke;
    b.bridge.invoke = ((channel: string, input: never) => {
      calls.push(channel);
      return invoke(channel as never, input);
    }) as RosterBridge['invoke'];
    stop = startApp(db, b.bridge);
    await enqueuePlan(db, [{ op: 'group.addAccounts', groupId: EXAMPLE.groups.services1, accountIds: [EXAMPLE.accounts[2].accountId] }]);
    await wait(200);
    expect(calls).not.toContain('sync.push');
    expect(calls).not.toContain('platform.pull');
    useConnection.getState().set({ workOffline: false });
    await vi.waitFor(() => expect(calls).toContain('sync.push'), { timeout: 10_000, interval: 20 });
    // Nothing was pulled first; the refresh follows once main has sent it (its drain).
    expect(calls.slice(0, calls.indexOf('sync.push'))).not.toContain('platform.pull');
    useConnection.getState().set({ workOffline: false, online: null });
  });

  it('with nothing queued, going back online refreshes at once', async () => {
    db = openRosterDb(`startup-${++n}`);
    useConnection.getState().set({ workOffline: true });
    const b = bridge();
    stop = startApp(db, b.bridge);
    await wait(100);
    expect(b.pulled).toEqual([]);
    useConnection.getState().set({ workOffline: false });
    await vi.waitFor(() => expect(b.pulled.length).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
  });
});

describe('the header chip', () => {
  it('counts the refresh steps before the first answer, never "Connecting…" during a refresh', () => {
    expect(connectionLabel({ online: null, refreshing: true, progress: { done: 3, total: 16 }, workOffline: false })).toBe('Refreshing 3/16');
    expect(connectionLabel({ online: null, refreshing: true, progress: null, workOffline: false })).toBe('Refreshing…');
    expect(connectionLabel({ online: true, refreshing: true, progress: { done: 3, total: 16 }, workOffline: false })).toBe('Online');
    expect(connectionLabel({ online: true, refreshing: false, progress: null, workOffline: true })).toBe('Working offline');
  });
});
