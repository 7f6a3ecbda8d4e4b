import type { ObjectType } from '../../shared/model';
import { PAGE_SIZE } from '../../shared/model';
import type { Doc, Q } from '../db/records';
import { badRequest } from '../errors';
import type { Ctx } from './access';
import { compileFilter } from './filter';
import { decodeToken, encodeToken, type ScanState } from './paging';
import { scopeFor } from './scope';
import { present } from './present';

export interface QueryEnv {
  q: Q;
  secret: string;
  tokenTtlMs: number;
  now: number;
}

interface Where {
  sql: string;
  params: unknown[];
}

/** The WHERE clause of a scan: type, tenant, scope and filter, with $1.. parameters. */
const whereOf = (ctx: Ctx, type: ObjectType, filterBody: unknown): Where => {
  const scope = scopeFor(ctx, type);
  // A single owner must be an equality: with `= any()` the planner sorts every match by seq
  // instead of walking the (type, owner, seq) index, ~300x slower on the large tier.
  const single = scope.owners.length === 1;
  const params: unknown[] = [type, single ? scope.owners[0] : scope.owners];
  let sql = single ? `type = $1 and owner = $2` : `type = $1 and owner = any($2)`;
  if (scope.accountField) {
    params.push(scope.accountId);
    sql += ` and (doc->>'${scope.accountField}') = $${params.length}`;
  }
  const f = compileFilter(type, filterBody, params.length + 1);
  return { sql: `${sql} and (${f.sql})`, params: [...params, ...f.params] };
};

const page = async (env: QueryEnv, ctx: Ctx, type: ObjectType, s: ScanState) => {
  const w = whereOf(ctx, type, s.filter);
  const n = w.params.length;
  const r = await env.q.query<{ seq: string | number; doc: Doc }>(
    `select seq, doc from records where ${w.sql} and seq > $${n + 1} and seq <= $${n + 2} order by seq limit ${PAGE_SIZE + 1}`,
    [...w.params, s.lastSeq, s.maxSeq],
  );
  const rows = r.rows.slice(0, PAGE_SIZE);
  const more = r.rows.length > PAGE_SIZE;
  const body: Record<string, unknown> = { '@type': 'QueryResult', numberOfResults: s.total, result: rows.map((x) => present(type, x.doc, 'QUERY')) };
  if (more) {
    const lastSeq = Number(rows[rows.length - 1]!.seq);
    body.queryToken = encodeToken(env.secret, { ...s, lastSeq, expires: env.now + env.tokenTtlMs });
  }
  return body;
};

/** QUERY: counts the matches that exist now and returns the first page. */
export const runQuery = async (env: QueryEnv, ctx: Ctx, type: ObjectType, body: unknown) => {
  const filter = (body as { QueryFilter?: unknown } | undefined)?.QueryFilter;
  const w = whereOf(ctx, type, body);
  const r = await env.q.query<{ total: string | number; max: string | number | null }>(
    `select count(*) as total, max(seq) as max from records where ${w.sql}`,
    w.params,
  );
  const total = Number(r.rows[0]?.total ?? 0);
  const maxSeq = Number(r.rows[0]?.max ?? 0);
  const s: ScanState = { type, account: ctx.accountId, filter: filter === undefined ? undefined : { QueryFilter: filter }, lastSeq: 0, maxSeq, total, expires: 0 };
  return page(env, ctx, type, s);
};

/** queryMore: the raw token as text/plain; it only continues the scan it came from. */
export const runQueryMore = async (env: QueryEnv, ctx: Ctx, type: ObjectType, token: string) => {
  let raw = token.trim();
  if (!raw) throw badRequest('queryMore needs the queryToken of a previous page as its text/plain body');
  // Some generated clients JSON-encode the string body; accept the quoted form too.
  if (raw.startsWith('"')) {
    let unquoted: unknown;
    try {
      unquoted = JSON.parse(raw);
    } catch {
      throw badRequest('the queryMore body starts with a quote but is not a JSON string; send the queryToken as it came');
    }
    raw = String(unquoted);
  }
  const s = decodeToken(env.secret, raw, env.now);
  if (s.type !== type || s.account !== ctx.accountId) {
    throw badRequest(`the queryToken belongs to a ${s.type} query of account ${s.account}, not ${type} of ${ctx.accountId}`);
  }
  return page(env, ctx, type, s);
};
