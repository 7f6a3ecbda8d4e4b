import { OBJECT_TYPES, emptySnapshot, type ObjectType, type Snapshot } from '../../../shared/model';
import { confirmedTable, type RosterDb } from './db';
import { allAccountLinks } from './groupAccounts';

/** The confirmed tables as a Snapshot (DESIGN.md): what the rules engine reads. */
export const loadSnapshot = async (db: RosterDb): Promise<Snapshot> => {
  const snap = emptySnapshot() as Record<ObjectType, unknown[]>;
  await db.transaction('r', OBJECT_TYPES.map((t) => db.table(t)), async () => {
    for (const t of OBJECT_TYPES) {
      const rows: { key: string }[] = t === 'AccountGroupAccount' ? await allAccountLinks(db.AccountGroupAccount) : await confirmedTable(db, t).toArray();
      // The cache key is ours, not the platform's: strip it so records keep the API's shape.
      snap[t] = rows.map(({ key: _key, ...rec }) => rec);
    }
  });
  return snap as unknown as Snapshot;
};

/** Changes whenever any confirmed table was rewritten: the key for in-memory indexes. */
export const cacheVersion = async (db: RosterDb): Promise<string> =>
  (await db.syncState.toArray()).map((s) => `${s.objectType}:${s.hash}`).sort().join('|');
