import type { Table } from 'dexie';
import { OBJECT_TYPES, emptySnapshot, type Account, type ObjectType, type Snapshot } from '../../../shared/model';
import type { RosterDb } from './db';
import { allAccountLinks, type GroupAccountsTable } from './groupAccounts';
import { recordedSupportAccessRoles } from './facts';

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
  db.transaction('r', [...OBJECT_TYPES.map((t) => db.table(t)), db.platformFacts], async () => {
    const snap = await readSnapshot((t) => db.table(t));
    // R10: a role recorded in Roster counts only where the platform cannot tell the account's own.
    const { roles } = await recordedSupportAccessRoles(db);
    if (Object.keys(roles).length) {
      snap.Account = (snap.Account as Account[]).map((a) =>
        a.unknown?.includes('supportAccessRoleId') && Object.hasOwn(roles, a.accountId) ? { ...a, recordedSupportAccessRoleId: roles[a.accountId] ?? null } : a);
    }
    return snap;
  });

/** Changes whenever any confirmed table was rewritten: the key for in-memory indexes. */
export const cacheVersion = async (db: RosterDb): Promise<string> =>
  (await db.syncState.toArray()).map((s) => `${s.objectType}:${s.hash}`).sort().join('|') + recordedStamp((await recordedSupportAccessRoles(db)).at);

/** Roles recorded in Roster change what the rules engine reads: they are part of the version. */
const recordedStamp = (at: string | null): string => (at ? `|recorded:${at}` : '');
