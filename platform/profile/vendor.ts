import type { Context, MiddlewareHandler } from 'hono';
import { isObjectType, TYPES } from '../types';
import { checkJsonText } from '../api/bodies';
import { badRequest, HttpError } from '../errors';
import { vendorSpec, type SpecOperation, type VendorSpec } from './spec';

/**
 * `--profile vendor`: the reference platform behind a gate that answers exactly as the vendor's
 * API would for everything outside its operations, and shows only the vendor's fields.
 *
 * - a path the vendor lacks: 410 "Endpoint is invalid or no longer exists" (its documented answer);
 * - a path it has, with a verb it lacks (DELETE AccountGroup, UPDATE Account): 405;
 * - a body the full OpenAPI does not allow (a query without a QueryFilter expression, a field
 *   the object lacks, an operator or property the object's filter does not list): 400;
 * - responses keep only the properties the vendor's schema gives each object.
 */
export const GONE = 'Endpoint is invalid or no longer exists';

export interface Matched {
  op: SpecOperation;
  /** The `{id}` segment, when the template has one. */
  id?: string;
}

const segmentsOf = (template: string) => template.split('/').filter(Boolean);

/** Literal templates win over `{id}` ones (`/Role/query` is QUERY, not GET of role "query"). */
export const matchOperation = (spec: VendorSpec, method: string, rel: string): Matched | 'gone' | 'method' => {
  const parts = rel.split('/').filter(Boolean);
  let methodMissing = false;
  let best: Matched | undefined;
  let bestParams = Infinity;
  for (const op of spec.operations) {
    const t = segmentsOf(op.template);
    if (t.length !== parts.length) continue;
    let params = 0;
    let id: string | undefined;
    const fits = t.every((seg, i) => {
      if (seg.startsWith('{')) {
        params++;
        id = parts[i]!;
        return true;
      }
      return seg === parts[i];
    });
    if (!fits) continue;
    if (op.method !== method) {
      methodMissing = true;
      continue;
    }
    if (params < bestParams) {
      best = { op, id };
      bestParams = params;
    }
  }
  if (best) return best.id === undefined ? best : { ...best, id: decodeId(best.id) };
  return methodMissing ? 'method' : 'gone';
};

/**
 * The id segment as text. `%E0%A4%A`, `%ff` or an encoded lone surrogate (`%ED%A0%80`) name no
 * id at all: a 400 saying so, decided only once the operation matched (so a verb the vendor lacks
 * is still a 405, whatever the id).
 */
const decodeId = (raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest(`the id in the URL ("${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}") is not valid percent-encoded UTF-8`);
  }
};

/** What the spec calls the operation, in the words of our routes (for the "not modelled" case). */
const modelled = (m: Matched): boolean => {
  if (m.op.object === 'getAssignableRoles') return true;
  return isObjectType(m.op.object) && !TYPES[m.op.object].extension;
};

const parseJson = (text: string): unknown => {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('the request body is not valid JSON');
  }
};

/**
 * Runs after authentication. A request the spec allows goes on to the ordinary routes, except
 * UPDATE of an object whose id happens to read "query"/"bulk" (`POST AccountSSOConfig/query` is
 * the update of AccountSSOConfig "query" on the vendor's API): that one is answered here by
 * `update`, so it can never be served as a query.
 */
export const vendorGate = (update: (c: Context, type: string, id: string, body: unknown) => Promise<Response>): MiddlewareHandler => async (c, next) => {
  const spec = vendorSpec();
  const account = c.req.param('account') ?? '';
  const prefix = `/api/rest/v1/${account}`;
  const rel = c.req.path.startsWith(prefix) ? c.req.path.slice(prefix.length) : c.req.path;
  const m = matchOperation(spec, c.req.method, rel);
  if (m === 'gone') throw new HttpError(410, GONE);
  if (m === 'method') throw new HttpError(405, `${rel.split('/')[1] ?? ''} does not support ${c.req.method} here`);
  if (!modelled(m)) throw new HttpError(404, `the reference platform does not model ${m.op.object}`);
  const text = m.op.body.kind === 'none' ? '' : await c.req.text();
  if (m.op.body.kind === 'text' && !text.trim()) throw badRequest('queryMore needs the queryToken as its text/plain body');
  let body: unknown;
  if (m.op.body.kind === 'json') {
    body = parseJson(text);
    // A QUERY without its QueryFilter is what the spec's QueryConfig forbids, body or no body.
    const isQuery = m.op.template.endsWith('/query');
    if (body === undefined && (m.op.body.required || isQuery)) throw badRequest(`${m.op.method} ${m.op.template} needs a JSON body`);
    if (body !== undefined) {
      // The cheap checks first (NUL, lone surrogates, nesting depth): the spec's validator recurses
      // as deep as the body nests and would overflow the stack on a body 5,000 levels deep.
      checkJsonText(body);
      const errors = spec.validate(m.op, body);
      if (errors.length) throw badRequest(`the request does not match the vendor's ${m.op.method} ${m.op.template}: ${errors.join('; ')}`);
    }
  }
  const last = rel.split('/').filter(Boolean).pop();
  if (m.op.hasId && m.op.method === 'POST' && (last === 'query' || last === 'queryMore' || last === 'bulk')) {
    c.res = await update(c, m.op.object, m.id ?? '', body);
    return;
  }
  await next();
  await pruneResponse(c, spec);
};

/** Keeps only the vendor's properties of every object in a JSON answer (our extension fields go). */
const pruneResponse = async (c: Context, spec: VendorSpec): Promise<void> => {
  if (!c.res.headers.get('content-type')?.includes('application/json')) return;
  const body = (await c.res.clone().json()) as unknown;
  const pruned = prune(spec, body);
  c.res = new Response(JSON.stringify(pruned), { status: c.res.status, headers: c.res.headers });
};

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

export const pruneObject = (spec: VendorSpec, o: Obj): Obj => {
  const fields = typeof o['@type'] === 'string' ? spec.fieldsOf(o['@type']) : undefined;
  if (!fields || !isObjectType(String(o['@type']))) return o;
  return Object.fromEntries(Object.entries(o).filter(([k]) => k === '@type' || fields.has(k)));
};

const prune = (spec: VendorSpec, body: unknown): unknown => {
  if (!isObj(body)) return body;
  if (Array.isArray(body.result)) return { ...body, result: body.result.map((r) => (isObj(r) ? pruneObject(spec, r) : r)) };
  if (Array.isArray(body.response)) {
    return { ...body, response: body.response.map((r) => (isObj(r) && isObj(r.Result) ? { ...r, Result: pruneObject(spec, r.Result) } : r)) };
  }
  if (Array.isArray(body.Role)) return { ...body, Role: body.Role.map((r) => (isObj(r) ? pruneObject(spec, r) : r)) };
  return pruneObject(spec, body);
};
