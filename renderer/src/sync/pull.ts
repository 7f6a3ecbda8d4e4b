import { OBJECT_TYPES, ObjectSchemas, type ObjectType, type RecordOf } from '../../../shared/model';
import type { PullResult, QuarantinedRecord, RosterBridge } from '../../../shared/ipc';
import { applyScan, type RosterDb, type ScanOutcome } from '../cache';

/**
 * Refresh (initial version): pull every object type through main and write each complete scan
 * into the confirmed tables, one transaction per type. When the platform cannot be reached the
 * cache is kept as it is and the caller shows "offline" (DESIGN.md, Pull and Cache).
 */

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

/** Main validated the records; we check again so a cache is never poisoned by a bad bridge. */
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

export const pullType = async (db: RosterDb, roster: Pick<RosterBridge, 'invoke'>, objectType: ObjectType): Promise<ScanOutcome> => {
  const result = await roster.invoke('platform.pull', { objectType });
  if (result.objectType !== objectType) throw new Error(`asked for ${objectType}, main answered ${result.objectType}`);
  const { records, quarantined } = splitValid(result);
  return applyScan(db, { objectType, records, quarantined, complete: result.complete });
};

export const refresh = async (
  db: RosterDb,
  roster: Pick<RosterBridge, 'invoke'>,
  onProgress?: (done: number, total: number, objectType: ObjectType) => void,
  types: readonly ObjectType[] = OBJECT_TYPES,
): Promise<RefreshResult> => {
  const outcomes: ScanOutcome[] = [];
  const failures: TypeFailure[] = [];
  for (const [i, objectType] of types.entries()) {
    try {
      outcomes.push(await pullType(db, roster, objectType));
    } catch (err) {
      if (isOfflineError(err)) return { online: false, offlineReason: (err as Error).message, outcomes, failures };
      // One type the platform refuses (say, an object the real vendor API lacks) must not stop the rest.
      failures.push({ objectType, code: codeOf(err), message: (err as Error)?.message ?? String(err) });
    }
    onProgress?.(i + 1, types.length, objectType);
  }
  return { online: true, outcomes, failures };
};
