import type { ObjectType, RecordOf } from '../../../shared/model';
import type { QuarantinedRecord } from '../../../shared/ipc';
import type { Table } from 'dexie';
import { primaryKeyOf, type RosterDb, type SyncState } from './db';
import { withKey } from './keys';
import { isCounted, replaceGroupCounts, type CountedType } from './groupCounts';
import { allAccountLinks, writeGroupAccounts, type AccountLink } from './groupAccounts';

type GroupLink = { accountGroupId: string; userId?: string };

export const FULL_SCOPE = 'all';

let written = 0;
/**
 * The hash of a complete scan that main did not hash (a test or tool writing the cache itself):
 * a stamp unique to this write. The only content hash is main's (electron/main/services/pull.ts);
 * a stamp never equals it, so the next pull sends the data, and it still changes the cache version.
 */
const localStamp = (time: string, count: number): string => `local:${time}#${++written}:${count}`;

export interface ScanInput<T extends ObjectType> {
  objectType: T;
  records: RecordOf<T>[];
  quarantined: QuarantinedRecord[];
  /** Complete scans replace the type's records: whatever is absent was deleted on the platform. */
  complete: boolean;
  /** main's hash of a complete scan (records and quarantined); without it the write is stamped (localStamp). */
  hash?: string;
}

export interface ScanOutcome {
  objectType: ObjectType;
  written: number;
  deleted: number;
  quarantined: number;
  unchanged: boolean;
}

/** Records stored as `{...record, key}` serialise the same when nothing changed. */
const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A primary key as a string, for set arithmetic on compound keys. */
const pkText = (pk: string | [string, string]): string => (typeof pk === 'string' ? pk : `${pk[0]}\u001f${pk[1]}`);

/**
 * Only what differs is written: an empty table (a cold pull) takes the whole scan in one
 * bulkPut; otherwise records equal to the stored ones are left alone, so a refresh that changed
 * one link rewrites one row, not 100,000, and live queries over the rest do not re-run.
 */
type Row = { key: string };
type Written = { written: number; deleted: number };

const writeRows = async (type: ObjectType, table: Table<Row, string | [string, string]>, rows: Row[], complete: boolean): Promise<Written> => {
  if ((await table.count()) === 0) {
    await table.bulkPut(rows);
    return { written: rows.length, deleted: 0 };
  }
  const pk = (r: Row) => primaryKeyOf(type, r);
  const stored = new Map((await table.toArray()).map((r) => [pkText(pk(r)), r] as const));
  const changed = rows.filter((r) => {
    const old = stored.get(pkText(pk(r)));
    return old === undefined || !same(old, r);
  });
  let gone: (string | [string, string])[] = [];
  if (complete) {
    // Deletions only from a complete scan: the set difference (DESIGN.md, Cache).
    const fresh = new Set(rows.map((r) => pkText(pk(r))));
    gone = [...stored.entries()].filter(([k]) => !fresh.has(k)).map(([, r]) => pk(r));
    await table.bulkDelete(gone);
  }
  if (changed.length) await table.bulkPut(changed);
  return { written: changed.length, deleted: gone.length };
};

const replaceQuarantine = async (db: RosterDb, scan: ScanInput<ObjectType>, seenAt: string): Promise<void> => {
  const byType = db.quarantine.where('objectType').equals(scan.objectType);
  if (scan.quarantined.length === 0 && (await byType.count()) === 0) return;
  await byType.delete();
  if (scan.quarantined.length) {
    await db.quarantine.bulkAdd(scan.quarantined.map((q) => ({ objectType: q.objectType, index: q.index, record: q.record, issues: q.issues, seenAt })));
  }
};

/** The group links go one row per group (groupAccounts.ts); every other type one row per record. */
const writeScan = (db: RosterDb, type: ObjectType, rows: Row[], complete: boolean): Promise<Written> =>
  type === 'AccountGroupAccount'
    ? writeGroupAccounts(db.AccountGroupAccount, rows as AccountLink[], complete)
    : writeRows(type, db.table(type) as Table<Row, string | [string, string]>, rows, complete);

/** After a partial scan the counts come from what the table holds. */
const allLinks = async (db: RosterDb, type: CountedType): Promise<unknown[]> =>
  type === 'AccountGroupAccount' ? allAccountLinks(db.AccountGroupAccount) : db.table(type).toArray();

/**
 * Writes one pulled scan of one object type into the confirmed tables, in one transaction, so a
 * crash or a concurrent reader never sees half a scan. A complete scan whose hash equals the
 * stored one touches nothing but its sync state (the per-scope hash).
 */
export const applyScan = async <T extends ObjectType>(db: RosterDb, scan: ScanInput<T>, now = new Date()): Promise<ScanOutcome> => {
  const table = db.table(scan.objectType);
  const rows: Row[] = scan.records.map((r) => withKey(scan.objectType, r));
  const time = now.toISOString();
  const hash = scan.complete ? (scan.hash ?? localStamp(time, rows.length)) : '';
  const counted = isCounted(scan.objectType) ? scan.objectType : null;
  return db.transaction('rw', [table, db.syncState, db.quarantine, ...(counted ? [db.groupCounts] : [])], async () => {
    const prior = await db.syncState.get([scan.objectType, FULL_SCOPE]);
    const state: SyncState = {
      objectType: scan.objectType,
      scope: FULL_SCOPE,
      lastCompleteScan: scan.complete ? time : (prior?.lastCompleteScan ?? null),
      hash: scan.complete ? hash : (prior?.hash ?? ''),
      count: scan.complete ? rows.length : (prior?.count ?? 0),
      time,
    };
    const outcome = { objectType: scan.objectType, quarantined: scan.quarantined.length };
    if (scan.complete && prior?.hash === hash) {
      // main's hash covers the quarantined records too; our own covers only the valid ones.
      if (scan.hash === undefined) await replaceQuarantine(db, scan, time);
      await db.syncState.put(state);
      return { ...outcome, written: 0, deleted: 0, unchanged: true };
    }
    await replaceQuarantine(db, scan, time);
    const { written, deleted } = await writeScan(db, scan.objectType, rows, scan.complete);
    if (counted && (written || deleted)) {
      // A complete scan is the table's whole content; after a partial one, count what the table holds.
      const links: unknown[] = scan.complete ? rows : await allLinks(db, counted);
      await replaceGroupCounts(db, counted, links as GroupLink[]);
    }
    await db.syncState.put(state);
    return { ...outcome, written, deleted, unchanged: false };
  });
};

/**
 * main found the scan equal to the hash we hold (knownHash): nothing to write but the time of
 * the scan. False when the cache no longer holds that hash, so the caller pulls it in full.
 */
export const markUnchanged = async (db: RosterDb, objectType: ObjectType, hash: string, now = new Date()): Promise<boolean> =>
  db.transaction('rw', db.syncState, async () => {
    const prior = await db.syncState.get([objectType, FULL_SCOPE]);
    if (prior?.hash !== hash) return false;
    const time = now.toISOString();
    await db.syncState.put({ ...prior, lastCompleteScan: time, time });
    return true;
  });
