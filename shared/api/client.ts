import { z } from 'zod';
import { matchAll, ObjectSchemas, QueryResponse, type ObjectType, type QueryConfig, type RecordOf } from '../model';
import { ApiError } from './errors';
import { authorization, makeSender, parseJson, type FetchLike } from './http';
export { cleartextRefusal } from './cleartext';

export type { FetchLike, RequestInitLike, ResponseLike } from './http';

/** A record that failed its schema: kept aside with why, so one bad record never sinks a pull. */
export interface QuarantinedRecord {
  objectType: string;
  index: number;
  record: unknown;
  issues: string[];
}

/**
 * The platform client (DESIGN.md, "The platform API"): pure, with fetch injected, so main, the
 * CLI's export and the push engine all talk to the platform through the same code.
 */

export interface ClientOptions {
  /** `…/api/rest/v1/<accountId>` (see apiBase). */
  baseUrl: string;
  user: string;
  token: string;
  fetch: FetchLike;
  /** Per request; a request that takes longer fails as a network error. */
  timeoutMs?: number;
}

export interface QueryPage<T> {
  objectType: ObjectType;
  /** Records that passed the schema, in the platform's order. */
  records: T[];
  /** Records that did not: reported, never crashing the pull (DESIGN.md, Pull). */
  quarantined: QuarantinedRecord[];
  numberOfResults: number;
  pageIndex: number;
  /** No queryToken came back: the scan is complete. */
  last: boolean;
}

export interface PlatformClient {
  readonly baseUrl: string;
  query<T extends ObjectType>(objectType: T, filter?: QueryConfig): AsyncIterable<QueryPage<RecordOf<T>>>;
  get<T extends ObjectType>(objectType: T, id: string): Promise<RecordOf<T>>;
  create<T extends ObjectType>(objectType: T, body: unknown): Promise<RecordOf<T>>;
  update<T extends ObjectType>(objectType: T, id: string, body: unknown): Promise<RecordOf<T>>;
  delete(objectType: ObjectType, id: string): Promise<void>;
  /** Bulk GET (`POST <type>/bulk`): at most BULK_MAX ids; one item per id, in the ids' order. */
  bulkGet<T extends ObjectType>(objectType: T, ids: readonly string[]): Promise<BulkItem<RecordOf<T>>[]>;
}

/** The vendor's limit on ids in one bulk request. */
export const BULK_MAX = 100;

/** One id's outcome in a bulk GET: a failed item is reported, never thrown, so the rest still land. */
export type BulkItem<T> =
  | { id: string; ok: true; record: T }
  | { id: string; ok: false; statusCode: number; errorMessage: string };

const BulkResponse = z.object({
  response: z.array(
    z.looseObject({
      id: z.string().optional(),
      index: z.number().optional(),
      statusCode: z.number(),
      errorMessage: z.string().optional(),
      Result: z.unknown().optional(),
    }),
  ),
});

const API_PATH = /\/api\/rest\/v1\/([^/?#]+)\/?$/;

/** The API base for a platform URL: kept as is when it already names the account. */
export const apiBase = (url: string, accountId?: string): string => {
  const trimmed = url.replace(/\/+$/, '');
  if (API_PATH.test(trimmed)) return trimmed;
  if (!accountId) throw new Error(`${url} does not end in /api/rest/v1/<accountId> and no account id was given`);
  return `${trimmed}/api/rest/v1/${encodeURIComponent(accountId)}`;
};

export const accountIdOf = (baseUrl: string): string | null => {
  const m = API_PATH.exec(baseUrl.replace(/\/+$/, ''));
  return m?.[1] ? decodeURIComponent(m[1]) : null;
};

export const validateRecords = <T extends ObjectType>(
  objectType: T,
  raw: unknown[],
  offset: number,
): { records: RecordOf<T>[]; quarantined: QuarantinedRecord[] } => {
  const schema = ObjectSchemas[objectType];
  const records: RecordOf<T>[] = [];
  const quarantined: QuarantinedRecord[] = [];
  raw.forEach((record, i) => {
    const r = schema.safeParse(record);
    if (r.success) records.push(r.data as RecordOf<T>);
    else
      quarantined.push({
        objectType,
        index: offset + i,
        record,
        issues: r.error.issues.map((e) => `${e.path.join('.') || '(record)'}: ${e.message}`),
      });
  });
  return { records, quarantined };
};

export const createPlatformClient = (opts: ClientOptions): PlatformClient => {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const send = makeSender(baseUrl, authorization(opts.user, opts.token), opts.fetch, opts.timeoutMs);

  const one = async <T extends ObjectType>(objectType: T, text: string): Promise<RecordOf<T>> => {
    const r = ObjectSchemas[objectType].safeParse(parseJson(text));
    if (!r.success) {
      const why = r.error.issues.map((e) => `${e.path.join('.') || '(record)'}: ${e.message}`).join('; ');
      throw new ApiError('invalid-response', 200, `the platform returned an invalid ${objectType}: ${why}`);
    }
    return r.data as RecordOf<T>;
  };

  async function* query<T extends ObjectType>(objectType: T, filter?: QueryConfig): AsyncIterable<QueryPage<RecordOf<T>>> {
    // Never `{}`: the vendor requires a QueryFilter expression on every query.
    const config = filter?.QueryFilter?.expression ? filter : matchAll(objectType);
    let text = await send('POST', `${objectType}/query`, JSON.stringify(config));
    let seen = 0;
    let previousToken: string | undefined;
    for (let pageIndex = 0; ; pageIndex++) {
      const parsed = QueryResponse.safeParse(parseJson(text));
      if (!parsed.success) throw new ApiError('invalid-response', 200, `the platform returned an invalid ${objectType} query result`);
      const raw = parsed.data.result ?? [];
      const token = parsed.data.queryToken || undefined;
      const { records, quarantined } = validateRecords(objectType, raw, seen);
      seen += raw.length;
      yield { objectType, records, quarantined, numberOfResults: parsed.data.numberOfResults, pageIndex, last: !token };
      if (!token) return;
      // A platform that hands back the same token would page forever.
      if (token === previousToken) throw new ApiError('invalid-response', 200, `the platform repeated a queryToken for ${objectType}`);
      previousToken = token;
      text = await send('POST', `${objectType}/queryMore`, token, 'text/plain');
    }
  }

  const bulkGet = async <T extends ObjectType>(objectType: T, ids: readonly string[]): Promise<BulkItem<RecordOf<T>>[]> => {
    if (ids.length > BULK_MAX) throw new Error(`a bulk GET takes at most ${BULK_MAX} ids, got ${ids.length}`);
    if (ids.length === 0) return [];
    const body = JSON.stringify({ type: 'GET', request: ids.map((id) => ({ id })) });
    const parsed = BulkResponse.safeParse(parseJson(await send('POST', `${objectType}/bulk`, body)));
    if (!parsed.success) throw new ApiError('invalid-response', 200, `the platform returned an invalid ${objectType} bulk result`);
    return ids.map((id, i) => bulkItem(objectType, id, parsed.data.response.find((r) => r.id === id) ?? parsed.data.response.find((r) => r.index === i)));
  };

  const idPath = (objectType: ObjectType, id: string) => `${objectType}/${encodeURIComponent(id)}`;

  return {
    baseUrl,
    query,
    get: async (objectType, id) => one(objectType, await send('GET', idPath(objectType, id))),
    create: async (objectType, body) => one(objectType, await send('POST', objectType, JSON.stringify(body))),
    update: async (objectType, id, body) => one(objectType, await send('POST', idPath(objectType, id), JSON.stringify(body))),
    delete: async (objectType, id) => {
      await send('DELETE', idPath(objectType, id));
    },
    bulkGet,
  };
};

/** One bulk item checked like a GET answer: a 200 whose Result fails the schema is a failed item. */
const bulkItem = <T extends ObjectType>(objectType: T, id: string, item: z.infer<typeof BulkResponse>['response'][number] | undefined): BulkItem<RecordOf<T>> => {
  if (!item) return { id, ok: false, statusCode: 0, errorMessage: 'missing from the bulk result' };
  if (item.statusCode !== 200) return { id, ok: false, statusCode: item.statusCode, errorMessage: item.errorMessage ?? `HTTP ${item.statusCode}` };
  const r = ObjectSchemas[objectType].safeParse(item.Result);
  if (!r.success) {
    const why = r.error.issues.map((e) => `${e.path.join('.') || '(record)'}: ${e.message}`).join('; ');
    return { id, ok: false, statusCode: 200, errorMessage: `invalid ${objectType}: ${why}` };
  }
  return { id, ok: true, record: r.data as RecordOf<T> };
};

/** Every page of a query, gathered: for callers that want the whole scan at once. */
export const queryAll = async <T extends ObjectType>(
  client: PlatformClient,
  objectType: T,
  filter?: QueryConfig,
): Promise<{ records: RecordOf<T>[]; quarantined: QuarantinedRecord[] }> => {
  const records: RecordOf<T>[] = [];
  const quarantined: QuarantinedRecord[] = [];
  for await (const page of client.query(objectType, filter)) {
    records.push(...page.records);
    quarantined.push(...page.quarantined);
  }
  return { records, quarantined };
};
