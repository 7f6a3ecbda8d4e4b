import type { QuarantinedRecord } from '../api/client';
import type { ObjectType, Snapshot } from '../model';
import { emptySnapshot, OBJECT_TYPES } from '../model';
import { BULK_MAX, type BulkItem, type PlatformClient } from '../api/client';
import { messageOf, type SyncApi } from '../api/sync';
import { mapPool } from './pool';
import { markVendorShapedAccounts } from '../access/supportAccess';
import type { Account } from '../model';

type Rec = Record<string, unknown>;

export interface Scan {
  objectType: ObjectType;
  records: Rec[];
  quarantined: QuarantinedRecord[];
  /** Every page was read: records absent from it were deleted on the platform. */
  complete: boolean;
  pages: number;
}

/** Stable JSON: object keys sorted, so equal records hash equally whatever the key order. */
export const stableJson = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Rec;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
};

/**
 * A full scan of one object type: every page, records validated by the client (bad ones
 * quarantined, the rest kept), complete only when the last page was read.
 */
export const scanType = async (api: SyncApi, objectType: ObjectType, onPage?: (n: number) => void): Promise<Scan> => {
  const records: Rec[] = [];
  const quarantined: QuarantinedRecord[] = [];
  let complete = false;
  let pages = 0;
  for await (const page of api.query(objectType)) {
    records.push(...(page.records as Rec[]));
    quarantined.push(...page.quarantined);
    pages++;
    onPage?.(page.records.length);
    complete = page.last;
  }
  return { objectType, records, quarantined, complete, pages };
};

export interface ExportResult {
  snapshot: Snapshot;
  quarantined: QuarantinedRecord[];
  calls: number;
  /** Types the platform does not offer (404/410: the vendor's API lacks our extensions), with why. */
  skipped: { type: ObjectType; reason: string }[];
}

/** What an export may also use: bulk GET, where the platform client offers it. */
export type ExportApi = SyncApi & Partial<Pick<PlatformClient, 'bulkGet'>>;

const statusOf = (e: unknown): number | undefined => {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
};

/** 410 is the vendor's documented answer for an endpoint it lacks; 404 a platform without the path. */
export const isAbsent = (e: unknown): boolean => statusOf(e) === 410 || statusOf(e) === 404;

/**
 * AccountSSOConfig the vendor's way: it has no QUERY (`POST AccountSSOConfig/query` is the UPDATE
 * of a config with id "query"), only GET and bulk GET by account id. An account without a
 * config answers its item with 404: it has none.
 */
export const readSsoConfigs = async (api: ExportApi, accountIds: readonly string[]): Promise<{ records: Rec[]; calls: number }> => {
  const records: Rec[] = [];
  let calls = 0;
  if (api.bulkGet) {
    for (let i = 0; i < accountIds.length; i += BULK_MAX) {
      calls++;
      for (const item of await api.bulkGet('AccountSSOConfig', accountIds.slice(i, i + BULK_MAX))) if (item.ok) records.push(item.record as Rec);
    }
    return { records, calls };
  }
  for (const id of accountIds) {
    calls++;
    try {
      records.push((await api.get('AccountSSOConfig', id)) as Rec);
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
  }
  return { records, calls };
};

/** Object types the reference platform lists; the real vendor API may refuse some (skipped, reported). */
export const EXPORT_TYPES: readonly ObjectType[] = OBJECT_TYPES;

/**
 * QUERY leaves AccountGroup.Resources out (as the vendor's API does), so groups are read once more
 * with bulk GET, BULK_MAX ids a call (R22–R24): 500 groups are 5 calls, not 500. A group whose
 * item fails, or whose whole batch fails, keeps its QUERY record and is reported through `warn`.
 * The app's pull (main) and `roster export` both read resources this way. Returns the calls made.
 */
export const readGroupResources = async (api: Pick<PlatformClient, 'bulkGet'>, records: unknown[], warn: (message: string) => void): Promise<number> => {
  const at = new Map<string, number>();
  records.forEach((rec, i) => {
    const id = (rec as { id?: unknown }).id;
    if (typeof id === 'string') at.set(id, i);
  });
  const ids = [...at.keys()];
  let calls = 0;
  for (let start = 0; start < ids.length; start += BULK_MAX) {
    const batch = ids.slice(start, start + BULK_MAX);
    let items: BulkItem<unknown>[];
    calls++;
    try {
      items = await api.bulkGet('AccountGroup', batch);
    } catch (e) {
      warn(`AccountGroup ${batch[0]}…${batch.at(-1)} (${batch.length}): could not read their resources (${messageOf(e)})`);
      continue;
    }
    for (const item of items) {
      if (item.ok) records[at.get(item.id)!] = item.record;
      else warn(`AccountGroup ${item.id}: could not read its resources (${item.errorMessage})`);
    }
  }
  return calls;
};

/**
 * A whole snapshot (DESIGN.md snapshot format): a full scan of every type, then the groups'
 * Resources by bulk GET (readGroupResources).
 */
export const exportSnapshot = async (
  api: ExportApi,
  opts: {
    types?: readonly ObjectType[];
    /** Read the groups' Resources (default true). */
    groupResources?: boolean;
    /** Scans in flight at once; the paced transport keeps them at the rate limit (default 4). */
    concurrency?: number;
    onType?: (t: ObjectType, n: number) => void;
    /** The account in the API URL: on a vendor-shaped platform, the parent of every other account. */
    primaryId?: string;
    skip?: (t: ObjectType, e: unknown) => boolean;
  } = {},
): Promise<ExportResult> => {
  const snapshot = emptySnapshot() as unknown as Record<ObjectType, Rec[]>;
  const quarantined: QuarantinedRecord[] = [];
  const skipped: ExportResult['skipped'] = [];
  const limit = opts.concurrency ?? 4;
  let calls = 0;
  const warnings: string[] = [];
  const types = opts.types ?? EXPORT_TYPES;
  const absent = (t: ObjectType, e: unknown) => {
    if (isAbsent(e)) skipped.push({ type: t, reason: (e as Error).message ?? String(e) });
    else if (!opts.skip?.(t, e)) throw e;
  };
  // Several scans at once, so one request's latency never leaves a rate-limit slot unused.
  await mapPool(types.filter((t) => t !== 'AccountSSOConfig'), limit, async (t) => {
    try {
      const scan = await scanType(api, t);
      snapshot[t] = scan.records;
      quarantined.push(...scan.quarantined);
      calls += scan.pages;
      opts.onType?.(t, scan.records.length);
    } catch (e) {
      absent(t, e);
    }
  });
  // What a vendor-shaped platform's Accounts cannot tell is marked unknown (decided on the primary's record).
  snapshot.Account = markVendorShapedAccounts(snapshot.Account as unknown as Account[], opts.primaryId) as unknown as Rec[];
  if (types.includes('AccountSSOConfig')) {
    try {
      const sso = await readSsoConfigs(api, snapshot.Account.map((a) => String(a.accountId)));
      snapshot.AccountSSOConfig = sso.records;
      calls += sso.calls;
      opts.onType?.('AccountSSOConfig', sso.records.length);
    } catch (e) {
      absent('AccountSSOConfig', e);
    }
  }
  if (opts.groupResources !== false) {
    if (!api.bulkGet) throw new Error('reading the groups\' resources needs bulk GET');
    calls += await readGroupResources({ bulkGet: api.bulkGet }, snapshot.AccountGroup, (m) => warnings.push(m));
    if (warnings.length) throw new Error(`could not read every group's resources: ${warnings[0]}${warnings.length > 1 ? ` (and ${warnings.length - 1} more)` : ''}`);
  }
  return { snapshot: snapshot as unknown as Snapshot, quarantined, calls, skipped };
};
