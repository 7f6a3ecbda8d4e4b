import type { QuarantinedRecord } from '../ipc';
import type { ObjectType, QueryConfig, Snapshot } from '../model';
import { emptySnapshot, OBJECT_TYPES } from '../model';
import type { SyncApi } from '../api/sync';
import { keyOf } from '../model';
import { mapPool } from './pool';

type Rec = Record<string, unknown>;

export interface Scan {
  objectType: ObjectType;
  /** 'all', or the filter's canonical JSON for a scoped scan. */
  scope: string;
  records: Rec[];
  quarantined: QuarantinedRecord[];
  /** Every page was read: records absent from the scope were deleted on the platform. */
  complete: boolean;
  hash: string;
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

/** FNV-1a (64-bit as two 32-bit halves) over the records' stable JSON in key order. */
export const scopeHash = (type: ObjectType, records: Rec[]): string => {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const sorted = [...records].sort((a, b) => (keyOf(type, a) < keyOf(type, b) ? -1 : 1));
  for (const r of sorted) {
    const s = stableJson(r);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x85ebca6b) >>> 0;
    }
  }
  return `${records.length}:${h1.toString(16)}${h2.toString(16)}`;
};

export const scopeOf = (filter?: QueryConfig): string => (filter ? stableJson(filter) : 'all');

/**
 * A full scan of one object type (or one scope of it): every page, records validated by the
 * client (bad ones quarantined, the rest kept), complete only when the last page was read.
 */
export const scanType = async (api: SyncApi, objectType: ObjectType, filter?: QueryConfig, onPage?: (n: number) => void): Promise<Scan> => {
  const records: Rec[] = [];
  const quarantined: QuarantinedRecord[] = [];
  let complete = false;
  let pages = 0;
  for await (const page of api.query(objectType, filter)) {
    records.push(...(page.records as Rec[]));
    quarantined.push(...page.quarantined);
    pages++;
    onPage?.(page.records.length);
    complete = page.last;
  }
  return { objectType, scope: scopeOf(filter), records, quarantined, complete, hash: scopeHash(objectType, records), pages };
};

export interface Merge {
  records: Rec[];
  /** Keys no longer on the platform (only from complete scans). */
  deleted: string[];
  /** The scope's hash matched: nothing to write. */
  unchanged: boolean;
}

/**
 * Merges a scan into the confirmed records of its type. A complete scan replaces its scope
 * (deletions are the set difference); an incomplete one only adds and updates.
 * `inScope` says which confirmed records the scan covered (all of them for 'all').
 */
export const mergeScan = (confirmed: Rec[], scan: Scan, previousHash?: string, inScope: (r: Rec) => boolean = () => true): Merge => {
  if (scan.complete && previousHash === scan.hash) return { records: confirmed, deleted: [], unchanged: true };
  const t = scan.objectType;
  const fresh = new Map(scan.records.map((r) => [keyOf(t, r), r]));
  const deleted: string[] = [];
  const out: Rec[] = [];
  for (const r of confirmed) {
    const k = keyOf(t, r);
    if (fresh.has(k)) continue;
    if (scan.complete && inScope(r)) deleted.push(k);
    else out.push(r);
  }
  out.push(...fresh.values());
  return { records: out, deleted, unchanged: false };
};

export interface ExportResult {
  snapshot: Snapshot;
  quarantined: QuarantinedRecord[];
  calls: number;
}

/** Object types the reference platform lists; the real vendor API may refuse some (skipped, reported). */
export const EXPORT_TYPES: readonly ObjectType[] = OBJECT_TYPES;

/**
 * A whole snapshot (DESIGN.md snapshot format): a full scan of every type, then a GET per
 * account group for its Resources (QUERY leaves them out, as the vendor's does).
 */
export const exportSnapshot = async (
  api: SyncApi,
  opts: {
    types?: readonly ObjectType[];
    /** GET each group for its Resources (default true). */
    groupResources?: boolean;
    /** Scans in flight at once; the paced transport keeps them at the rate limit (default 4). */
    concurrency?: number;
    onType?: (t: ObjectType, n: number) => void;
    skip?: (t: ObjectType, e: unknown) => boolean;
  } = {},
): Promise<ExportResult> => {
  const snapshot = emptySnapshot() as unknown as Record<ObjectType, Rec[]>;
  const quarantined: QuarantinedRecord[] = [];
  const limit = opts.concurrency ?? 4;
  let calls = 0;
  // Several scans at once, so one request's latency never leaves a rate-limit slot unused.
  await mapPool(opts.types ?? EXPORT_TYPES, limit, async (t) => {
    try {
      const scan = await scanType(api, t);
      snapshot[t] = scan.records;
      quarantined.push(...scan.quarantined);
      calls += scan.pages;
      opts.onType?.(t, scan.records.length);
    } catch (e) {
      if (!opts.skip?.(t, e)) throw e;
    }
  });
  if (opts.groupResources !== false) {
    snapshot.AccountGroup = await mapPool(snapshot.AccountGroup, limit, async (g) => {
      calls++;
      return (await api.get('AccountGroup', String(g.id))) as Rec;
    });
  }
  return { snapshot: snapshot as unknown as Snapshot, quarantined, calls };
};
