import type { RosterDb } from './db';

/** The cache's age: its newest complete scan, or null before the first one. */
export const cacheAsOf = async (db: RosterDb): Promise<string | null> => {
  const scans = (await db.syncState.toArray()).map((s) => s.lastCompleteScan).filter((t): t is string => !!t);
  return scans.length ? scans.reduce((a, b) => (a > b ? a : b)) : null;
};

/** "09:41": the clock time an "as of" reads, 24-hour, as on every stamp of the app. */
export const clockTime = (iso: string): string => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
