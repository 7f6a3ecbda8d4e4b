import type { RosterBridge } from '../../../shared/ipc';
import type { RosterDb } from '../cache';
import { isOfflineError, refresh } from '../sync/pull';
import { useConnection } from './connectionStore';

const RETRY_OFFLINE_MS = 15_000;
let running: Promise<void> | null = null;

/** One refresh at a time; the cache stays on screen throughout (DESIGN.md, Cache). */
export const refreshNow = (db: RosterDb, bridge: RosterBridge): Promise<void> => {
  if (running) return running;
  const conn = useConnection.getState();
  conn.set({ refreshing: true, progress: null });
  running = (async () => {
    try {
      const r = await refresh(db, bridge, (done, total) => conn.set({ progress: { done, total } }));
      conn.set({
        online: r.online,
        failures: r.failures,
        lastError: r.offlineReason ?? null,
        ...(r.online ? { lastRefresh: new Date().toISOString() } : {}),
      });
    } catch (err) {
      conn.set({ online: isOfflineError(err) ? false : conn.online, lastError: (err as Error).message });
    } finally {
      conn.set({ refreshing: false, progress: null });
      running = null;
    }
  })();
  return running;
};

/** On start: the cache is already on screen (live queries); ask main who we are, then refresh. */
export const startApp = (db: RosterDb, bridge: RosterBridge): (() => void) => {
  const conn = useConnection.getState();
  const off = bridge.on('connection.changed', (info) => {
    conn.set({ info });
    if (info.online && !useConnection.getState().online) void refreshNow(db, bridge);
    else if (!info.online) conn.set({ online: false, lastError: info.lastError ?? null });
  });
  bridge
    .invoke('connection.get', undefined)
    .then((info) => conn.set({ info }))
    .catch((err: Error) => conn.set({ lastError: err.message }));
  void refreshNow(db, bridge);
  const timer = setInterval(() => {
    if (useConnection.getState().online === false) void refreshNow(db, bridge);
  }, RETRY_OFFLINE_MS);
  return () => {
    off();
    clearInterval(timer);
  };
};
