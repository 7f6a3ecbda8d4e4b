import { create } from 'zustand';
import type { ConnectionInfo } from '../../../shared/ipc';
import type { TypeFailure } from '../sync/pull';

const WORK_OFFLINE_KEY = 'roster.workOffline';

/** The choice survives a reload: an admin on a plane does not want a restart to start sending. */
const readWorkOffline = (): boolean => {
  try {
    return globalThis.localStorage?.getItem(WORK_OFFLINE_KEY) === '1';
  } catch {
    return false;
  }
};

export const setWorkOffline = (on: boolean): void => {
  try {
    globalThis.localStorage?.setItem(WORK_OFFLINE_KEY, on ? '1' : '0');
  } catch {
    /* storage unavailable: the choice lasts for this session only */
  }
  useConnection.getState().set({ workOffline: on });
};

/** What the app bar and the Sync area show about the link to the platform. */
export interface ConnectionState {
  info: ConnectionInfo | null;
  /** null until the first refresh has answered: the cache is shown meanwhile. */
  online: boolean | null;
  refreshing: boolean;
  progress: { done: number; total: number } | null;
  lastRefresh: string | null;
  lastError: string | null;
  failures: TypeFailure[];
  /** When the next automatic try to reach the platform is due while offline (ms since epoch). */
  nextRetryAt: number | null;
  /** The admin chose to work offline: nothing is pushed or pulled until they turn it off. */
  workOffline: boolean;
  set: (patch: Partial<Omit<ConnectionState, 'set'>>) => void;
}

/** Online and not working offline on purpose: a queued change goes out now. */
export const isOnlineNow = (): boolean => {
  const s = useConnection.getState();
  return s.online === true && !s.workOffline;
};

export const useConnection = create<ConnectionState>((set) => ({
  info: null,
  online: null,
  refreshing: false,
  progress: null,
  lastRefresh: null,
  lastError: null,
  failures: [],
  nextRetryAt: null,
  workOffline: readWorkOffline(),
  set: (patch) => set(patch),
}));
