import type { RosterBridge } from '../../../shared/ipc';
import { rememberCapabilities, settleLanded, unconfirmedOps, type RosterDb } from '../cache';
import { isOfflineError, refresh } from '../sync/pull';
import { reconcileOutbox } from '../sync/outbox';
import { startSync, type SyncLoop } from '../sync/push';
import { useConnection } from './connectionStore';
import { recordIfFinished } from '../history/record';
import { useResultNotice } from '../history/notice';

const RETRY_OFFLINE_MS = 15_000;
/** How long a warm start lets the cached screen have the machine before the refresh starts. */
const WARM_GRACE_MS = 1_000;
let running: Promise<void> | null = null;
let again = false;
/** Refreshes wait for this: the cached screen first, the platform after (warm start). */
let firstScreen: Promise<void> = Promise.resolve();
/**
 * A warm start asks main nothing until its first screen is drawn, or this long at most: main
 * opens the embedded platform when first asked (seconds of a core's time, which the page's own
 * paint needs more), so asking early only slows the paint.
 */
const FIRST_SCREEN_WAIT_MS = 3_000;
let drawn: () => void = () => {};
/** Settles once the area the window opened on has drawn its screen (AreaView reports it). */
const firstAreaDrawn = new Promise<void>((resolve) => (drawn = resolve));

/** Called by AreaView when an area's screen (not its loading pane) has been committed; only the first counts. */
export const firstScreenDrawn = (): void => drawn();

/**
 * The frame after the first screen was committed (or the bounded wait), when a warm start may
 * ask main; `cancel` drops the wait (the app stopped).
 */
const firstScreenPainted = (): { painted: Promise<void>; cancel(): void } => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const drawnOrLate = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, FIRST_SCREEN_WAIT_MS);
    void firstAreaDrawn.then(resolve);
  });
  const painted = drawnOrLate.then(() => {
    clearTimeout(timer);
    if (cancelled) return;
    return new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => resolve()) : resolve()));
  });
  return {
    painted,
    cancel: () => {
      cancelled = true;
      clearTimeout(timer);
    },
  };
};

/**
 * Resolves once the page has painted and then had a moment, or been idle, whichever is first.
 * A cold start (nothing cached) has nothing to show and does not wait.
 */
export const afterFirstPaint = (graceMs = WARM_GRACE_MS): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return resolve();
    requestAnimationFrame(() => {
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
      // Idle only after the grace: the first screen's IndexedDB reads leave the thread idle too.
      setTimeout(() => (idle ? idle(() => resolve(), { timeout: graceMs }) : resolve()), graceMs);
    });
  });

const isWarm = async (db: RosterDb): Promise<boolean> => (await db.syncState.count().catch(() => 0)) > 0;

const refreshOnce = async (db: RosterDb, bridge: RosterBridge): Promise<void> => {
  const conn = useConnection.getState();
  conn.set({ refreshing: true, progress: null });
  const startedAt = new Date().toISOString();
  try {
    const r = await refresh(db, bridge, (done, total) => conn.set({ progress: { done, total } }));
    conn.set({
      online: r.online,
      failures: r.failures,
      lastError: r.offlineReason ?? null,
      ...(r.online ? { lastRefresh: new Date().toISOString() } : {}),
    });
    // Reconcile: pending changes whose precondition the new data broke become conflicts.
    // Unchanged data with nothing pending has nothing to reconcile: skip reading the whole cache.
    const changed = r.outcomes.some((o) => !o.unchanged);
    if (r.online && (changed || (await unconfirmedOps(db)).length > 0)) await reconcileOutbox(db);
    // Ops that landed before this refresh began are in the confirmed tables now.
    if (r.online && r.failures.length === 0) await settleLanded(db, startedAt);
  } catch (err) {
    conn.set({ online: isOfflineError(err) ? false : conn.online, lastError: (err as Error).message });
  } finally {
    conn.set({ refreshing: false, progress: null });
  }
};

/**
 * One refresh at a time; the cache stays on screen throughout (DESIGN.md, Cache). A request
 * during a refresh runs one more after it: that refresh may have read the platform before the
 * ops that just landed, and a landed op leaves the overlay, so it must reach confirmed.
 */
export const refreshNow = (db: RosterDb, bridge: RosterBridge): Promise<void> => {
  if (useConnection.getState().workOffline) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      await firstScreen;
      do {
        again = false;
        await refreshOnce(db, bridge);
      } while (again && !useConnection.getState().workOffline);
    } finally {
      running = null;
    }
  })();
  return running;
};

/** Resolves once no refresh is running (after a stop, nothing starts another). */
export const whenRefreshesSettle = async (): Promise<void> => {
  while (running) await running.catch(() => undefined);
};

/**
 * Back online after working offline: what the admin queued goes first (it is why they went back
 * online), the refresh after. Sending first is safe: main checks each op's precondition against
 * the platform as it sends, so an op the platform moved away from still becomes a conflict.
 * With something handed to main, its drain starts the refresh (onDrained); with nothing to send,
 * or main unreachable, the refresh starts now.
 */
const sendThenRefresh = async (db: RosterDb, bridge: RosterBridge, sync: SyncLoop): Promise<void> => {
  await bridge.invoke('sync.control', { action: 'resume' }).catch(() => undefined);
  const handed = await sync.kick().catch(() => 0);
  if (handed === 0) await refreshNow(db, bridge);
};

/**
 * On start: the cache is already on screen (live queries); ask main who we are, then refresh,
 * after the cached screen has painted when there is a cache to show.
 */
export const startApp = (db: RosterDb, bridge: RosterBridge): (() => void) => {
  const conn = useConnection.getState();
  const warm = isWarm(db);
  firstScreen = warm.then((w) => (w ? afterFirstPaint() : undefined));
  const off = bridge.on('connection.changed', (info) => {
    conn.set({ info });
    void rememberCapabilities(db, info).catch(() => undefined);
    if (info.online && !useConnection.getState().online) void refreshNow(db, bridge);
    else if (!info.online) conn.set({ online: false, lastError: info.lastError ?? null });
  });
  let screen: ReturnType<typeof firstScreenPainted> | undefined;
  let stopped = false;
  void warm
    .then((w) => {
      if (!w || stopped) return;
      screen = firstScreenPainted();
      return screen.painted;
    })
    .then(() => (stopped ? null : bridge.invoke('connection.get', undefined)))
    .then((info) => {
      if (!info) return;
      conn.set({ info });
      void rememberCapabilities(db, info).catch(() => undefined);
    })
    .catch((err: Error) => conn.set({ lastError: err.message }));
  void refreshNow(db, bridge);
  // Push: queued changes go to main whenever we are online; when main is done, pull what landed.
  const isOnline = () => useConnection.getState().online !== false && !useConnection.getState().workOffline;
  const onResult = (planId: string) => {
    const info = useConnection.getState().info;
    const ctx = { platform: info ? `${info.mode === 'embedded' ? 'Embedded platform' : 'Platform'} ${info.url}` : 'unknown platform', admin: info?.user ?? 'unknown' };
    void recordIfFinished(db, planId, ctx).then((o) => o && useResultNotice.getState().show(o));
  };
  const sync = startSync(db, bridge, { isOnline, onDrained: () => void refreshNow(db, bridge), onResult });
  const offWork = useConnection.subscribe((s, prev) => {
    if (s.workOffline === prev.workOffline) return;
    // Ops main already holds stop too.
    if (s.workOffline) void bridge.invoke('sync.control', { action: 'pause' }).catch(() => undefined);
    else void sendThenRefresh(db, bridge, sync);
  });
  if (conn.workOffline) void bridge.invoke('sync.control', { action: 'pause' }).catch(() => undefined);
  // The header counts down to the next try; each tick sets the one after.
  conn.set({ nextRetryAt: Date.now() + RETRY_OFFLINE_MS });
  const timer = setInterval(() => {
    conn.set({ nextRetryAt: Date.now() + RETRY_OFFLINE_MS });
    if (useConnection.getState().online === false) void refreshNow(db, bridge);
  }, RETRY_OFFLINE_MS);
  return () => {
    stopped = true;
    screen?.cancel();
    off();
    offWork();
    sync.stop();
    clearInterval(timer);
  };
};
