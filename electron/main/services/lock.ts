import { lockDir } from '../../../platform/dirLock';

/**
 * One Roster per data dir (the browser host and the Electron app alike): two would open the same
 * embedded database and journal at once. Atomic, with a dead holder's lock taken over at once.
 */
export const lockDataDir = (dataDir: string): (() => void) =>
  lockDir(dataDir, 'roster.pid', (pid) => `another Roster (pid ${pid}) is using ${dataDir}; stop it or pass another --data DIR`);
