import { create } from 'zustand';
import type { ConnectionInfo } from '../../../shared/ipc';
import type { TypeFailure } from '../sync/pull';

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
  set: (patch: Partial<Omit<ConnectionState, 'set'>>) => void;
}

export const useConnection = create<ConnectionState>((set) => ({
  info: null,
  online: null,
  refreshing: false,
  progress: null,
  lastRefresh: null,
  lastError: null,
  failures: [],
  set: (patch) => set(patch),
}));
