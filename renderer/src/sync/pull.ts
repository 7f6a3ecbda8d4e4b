import { OBJECT_TYPES, ObjectSchemas, type ObjectType, type RecordOf } from '../../../shared/model';
import type { PullResult, QuarantinedRecord, RosterBridge } from '../../../shared/ipc';
import { applyScan, FULL_SCOPE, markUnchanged, type RosterDb, type ScanOutcome } from '../cache';

/**
 * Refresh: pull every object type through main and write each complete scan into the confirmed
 * tables, one transaction per type, two types at a time so the cache writes one while main reads
 * the next. Each request names the hash the cache holds, so an unchanged type comes back as
 * "unchanged" with no records and costs the renderer nothing. When the platform cannot be
 * reached the cache is kept as it is and the caller shows "offline" (DESIGN.md, Pull and Cache).
 */

/**
 * What the Groups screen shows first comes first (scopes on screen first); the rest
 * follow. The group links come second: they are the longest scan (100,000 at the large tier), so
 * one worker reads them while the other takes every other type.
 */
const SCREEN_FIRST: readonly ObjectType[] = ['AccountGroup', 'AccountGroupAccount', 'AccountGroupUserRole', 'Role', 'User', 'Account'];
export const PULL_ORDER: readonly ObjectType[] = [...SCREEN_FIRST, ...OBJECT_TYPES.filter((t) => !SCREEN_FIRST.includes(t))];
const CONCURRENCY = 2;

export interface TypeFailure {
  objectType: ObjectType;
  code: string;
  message: string;
}

export interface RefreshResult {
  online: boolean;
  /** Why we consider ourselves offline; absent when online. */
  offlineReason?: string;
  outcomes: ScanOutcome[];
  failures: TypeFailure[];
}

const codeOf = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'internal';
};

/** Offline: main says so, or the bridge itself could not reach main (a fetch TypeError). */
export const isOfflineError = (err: unknown): boolean =>
  codeOf(err) === 'offline' || err instanceof TypeError || /network|failed to fetch|ECONNREFUSED/i.test(String((err as Error)?.message));

/**
 * Main validated the records; we check again so a cache is never poisoned by a bad bridge. The
 * check is the same zod schema (about a microsecond a record, well under the IndexedDB write),
 * and it runs only on scans that are going to be written.
 */
export const splitValid = <T extends ObjectType>(result: PullResult & { objectType: T }) => {
  const schema = ObjectSchemas[result.objectType];
  const records: RecordOf<T>[] = [];
  const quarantined: QuarantinedRecord[] = [...result.quarantined];
  result.records.forEach((rec, index) => {
    const r = schema.safeParse(rec);
    if (r.success) records.push(r.data as RecordOf<T>);
    else quarantined.push({ objectType: result.objectType, index, record: rec, issues: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  });
  return { records, quarantined };
};

/** User Timing entries the benchmark reads: how long the renderer took to take a scan into IndexedDB. */
export const INGEST_MEASURE = 'roster.ingest';

const knownHash = async (db: RosterDb, objectType: ObjectType): Promise<string | undefined> =>
  (await db.syncState.get([objectType, FULL_SCOPE]))?.hash || undefined;

export const pullType = async (db: RosterDb, roster: Pick<RosterBridge, 'invoke'>, objectType: ObjectType, useHash = true): Promise<ScanOutcome> => {
  const known = useHash ? await knownHash(db, objectType) : undefined;
  const result = await roster.invoke('platform.pull', known ? { objectType, knownHash: known } : { objectType });
  if (result.objectType !== objectType) throw new Error(`asked for ${objectType}, main answered ${result.objectType}`);
  if (result.unchanged) {
    if (result.hash && (await markUnchanged(db, objectType, result.hash))) return { objectType, written: 0, deleted: 0, quarantined: 0, unchanged: true };
    // The cache moved on since we asked (or main answered oddly): take the scan in full.
    return pullType(db, roster, objectType, false);
  }
  const start = performance.now();
  const { records, quarantined } = splitValid(result);
  const outcome = await applyScan(db, { objectType, records, quarantined, complete: result.complete, ...(result.hash ? { hash: result.hash } : {}) });
  performance.measure?.(INGEST_MEASURE, { start, detail: { objectType, records: result.records.length, written: outcome.written } });
  return outcome;
};

export const refresh = async (
  db: RosterDb,
  roster: Pick<RosterBridge, 'invoke'>,
  onProgress?: (done: number, total: number, objectType: ObjectType) => void,
  types: readonly ObjectType[] = PULL_ORDER,
): Promise<RefreshResult> => {
  const outcomes: ScanOutcome[] = [];
  const failures: TypeFailure[] = [];
  let offlineReason: string | undefined;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (offlineReason === undefined && next < types.length) {
      const objectType = types[next++]!;
      try {
        outcomes.push(await pullType(db, roster, objectType));
      } catch (err) {
        if (isOfflineError(err)) {
          offlineReason = (err as Error).message ?? String(err);
          return;
        }
        // One type the platform refuses (say, an object the real vendor API lacks) must not stop the rest.
        failures.push({ objectType, code: codeOf(err), message: (err as Error)?.message ?? String(err) });
      }
      onProgress?.(++done, types.length, objectType);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, types.length) }, worker));
  return offlineReason === undefined ? { online: true, outcomes, failures } : { online: false, offlineReason, outcomes, failures };
};
