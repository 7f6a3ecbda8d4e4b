import type { ObjectType, RecordOf } from '../../../shared/model';
import type { QuarantinedRecord } from '../../../shared/ipc';
import { confirmedTable, type RosterDb, type SyncState } from './db';
import { withKey } from './keys';

export const FULL_SCOPE = 'all';

/** FNV-1a over each record's JSON, in key order, so the same data always hashes the same. */
export const hashRecords = (records: { key: string }[]): string => {
  let h = 0x811c9dc5;
  const sorted = [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const r of sorted) {
    const text = JSON.stringify(r);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return `${h.toString(16).padStart(8, '0')}:${records.length}`;
};

export interface ScanInput<T extends ObjectType> {
  objectType: T;
  records: RecordOf<T>[];
  quarantined: QuarantinedRecord[];
  /** Complete scans replace the type's records: whatever is absent was deleted on the platform. */
  complete: boolean;
}

export interface ScanOutcome {
  objectType: ObjectType;
  written: number;
  deleted: number;
  quarantined: number;
  unchanged: boolean;
}

/**
 * Writes one pulled scan of one object type into the confirmed tables, in one transaction, so a
 * crash or a concurrent reader never sees half a scan.
 */
export const applyScan = async <T extends ObjectType>(db: RosterDb, scan: ScanInput<T>, now = new Date()): Promise<ScanOutcome> => {
  const table = confirmedTable(db, scan.objectType);
  const rows = scan.records.map((r) => withKey(scan.objectType, r));
  const hash = hashRecords(rows);
  const time = now.toISOString();
  return db.transaction('rw', [table, db.syncState, db.quarantine], async () => {
    await db.quarantine.where('objectType').equals(scan.objectType).delete();
    if (scan.quarantined.length) {
      await db.quarantine.bulkAdd(
        scan.quarantined.map((q) => ({ objectType: q.objectType, index: q.index, record: q.record, issues: q.issues, seenAt: time })),
      );
    }
    const prior = await db.syncState.get([scan.objectType, FULL_SCOPE]);
    const state: SyncState = {
      objectType: scan.objectType,
      scope: FULL_SCOPE,
      lastCompleteScan: scan.complete ? time : (prior?.lastCompleteScan ?? null),
      hash: scan.complete ? hash : (prior?.hash ?? ''),
      count: scan.complete ? rows.length : (prior?.count ?? 0),
      time,
    };
    if (scan.complete && prior?.hash === hash) {
      await db.syncState.put(state);
      return { objectType: scan.objectType, written: 0, deleted: 0, quarantined: scan.quarantined.length, unchanged: true };
    }
    let deleted = 0;
    if (scan.complete) {
      const fresh = new Set(rows.map((r) => r.key));
      const gone = (await table.toCollection().primaryKeys()).filter((k) => !fresh.has(k));
      await table.bulkDelete(gone);
      deleted = gone.length;
    }
    await table.bulkPut(rows);
    await db.syncState.put(state);
    return { objectType: scan.objectType, written: rows.length, deleted, quarantined: scan.quarantined.length, unchanged: false };
  });
};
