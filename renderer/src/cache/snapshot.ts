import type { Table } from 'dexie';
import { OBJECT_TYPES, emptySnapshot, type ObjectType, type Snapshot } from '../../../shared/model';
import type { RosterDb } from './db';
import { allAccountLinks, type GroupAccountsTable } from './groupAccounts';

/** The confirmed tables as a Snapshot, read through `table` (the caller's transaction: an upgrade's, or loadSnapshot's). */
export const readSnapshot = async (table: (t: ObjectType) => Table): Promise<Snapshot> => {
  const snap = emptySnapshot() as Record<ObjectType, unknown[]>;
  for (const t of OBJECT_TYPES) {
    const rows: { key: string }[] =
      t === 'AccountGroupAccount' ? await allAccountLinks(table(t) as unknown as GroupAccountsTable) : await (table(t) as Table<{ key: string }>).toArray();
    // The cache key is ours, not the platform's: strip it so records keep the API's shape.
    snap[t] = rows.map(({ key: _key, ...rec }) => rec);
  }
  return snap as unknown as Snapshot;
};

/** The confirmed tables as a Snapshot (DESIGN.md): what the rules engine reads. */
export const loadSnapshot = (db: RosterDb): Promise<Snapshot> =>
  db.transaction('r', OBJECT_TYPES.map((t) => db.table(t)), () => readSnapshot((t) => db.table(t)));

/** Changes whenever any confirmed table was rewritten: the key for in-memory indexes. */
export const cacheVersion = async (db: RosterDb): Promise<string> =>
  (await db.syncState.toArray()).map((s) => `${s.objectType}:${s.hash}`).sort().join('|');
