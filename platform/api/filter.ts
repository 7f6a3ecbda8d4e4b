import type { ObjectType } from '../../shared/model';
import { badRequest } from '../errors';
import { TYPES } from '../types';

/**
 * The vendor's QUERY filter grammar compiled to a parameterised SQL predicate over the JSON of
 * each record. Values are always bound parameters; property names come from our own table.
 */
export interface Compiled {
  sql: string;
  params: unknown[];
}

const MAX_DEPTH = 32;
const ARITY: Record<string, number> = {
  EQUALS: 1, LIKE: 1, NOT_EQUALS: 1, IS_NULL: 0, IS_NOT_NULL: 0, BETWEEN: 2, GREATER_THAN: 1, GREATER_THAN_OR_EQUAL: 1,
  LESS_THAN: 1, LESS_THAN_OR_EQUAL: 1, CONTAINS: 1, NOT_CONTAINS: 1, STARTS_WITH: 1,
};
const COMPARE: Record<string, string> = { GREATER_THAN: '>', GREATER_THAN_OR_EQUAL: '>=', LESS_THAN: '<', LESS_THAN_OR_EQUAL: '<=' };

type Raw = Record<string, unknown>;

/** Vendor property names are matched exactly, then case-insensitively (Account's are upper case). */
export const fieldFor = (type: ObjectType, property: string): string => {
  const q = TYPES[type].queryable;
  // Own properties only: "__proto__" or "constructor" must not reach Object.prototype.
  const hit = (Object.hasOwn(q, property) ? q[property] : undefined) ?? Object.entries(q).find(([k]) => k.toLowerCase() === property.toLowerCase())?.[1];
  if (!hit) throw badRequest(`${type} cannot be queried by "${property}"; queryable properties: ${Object.keys(q).join(', ')}`);
  return hit;
};

/** Postgres refuses a pattern that ends in its escape character (a 500 otherwise). */
const likePattern = (property: string, pattern: string): string => {
  const trailing = /\\*$/.exec(pattern)?.[0].length ?? 0;
  if (trailing % 2 === 1) throw badRequest(`the LIKE pattern on ${property} ends with an unescaped "\\"; write "\\\\" for a backslash`);
  return pattern;
};

const simple = (type: ObjectType, e: Raw, params: unknown[]): string => {
  const op = String(e.operator);
  if (!Object.hasOwn(ARITY, op)) throw badRequest(`unknown operator "${op}"; expected one of ${Object.keys(ARITY).join(', ')}, and, or`);
  if (typeof e.property !== 'string') throw badRequest(`a ${op} expression needs a "property"`);
  const field = fieldFor(type, e.property);
  const args = e.argument === undefined ? [] : e.argument;
  if (!Array.isArray(args) || args.some((a) => typeof a !== 'string' && typeof a !== 'number' && typeof a !== 'boolean')) {
    throw badRequest(`"argument" of ${op} on ${e.property} must be a list of values`);
  }
  if (args.length !== ARITY[op]) {
    throw badRequest(`${op} on ${e.property} takes ${ARITY[op]} argument(s), got ${args.length}`);
  }
  const col = `(doc->>'${field}')`;
  const p = (v: unknown) => {
    params.push(String(v));
    return `$${params.length}`;
  };
  switch (op) {
    case 'EQUALS': return `${col} = ${p(args[0])}`;
    case 'NOT_EQUALS': return `${col} is distinct from ${p(args[0])}`;
    case 'LIKE': return `${col} like ${p(likePattern(e.property, String(args[0])))}`;
    case 'IS_NULL': return `${col} is null`;
    case 'IS_NOT_NULL': return `${col} is not null`;
    case 'BETWEEN': return `(${col} >= ${p(args[0])} and ${col} <= ${p(args[1])})`;
    case 'CONTAINS': return `strpos(${col}, ${p(args[0])}) > 0`;
    case 'NOT_CONTAINS': return `coalesce(strpos(${col}, ${p(args[0])}), 0) = 0`;
    case 'STARTS_WITH': return `starts_with(${col}, ${p(args[0])})`;
    default: return `${col} ${COMPARE[op]} ${p(args[0])}`;
  }
};

const expression = (type: ObjectType, e: unknown, params: unknown[], depth: number): string => {
  if (depth > MAX_DEPTH) throw badRequest(`filter nests deeper than ${MAX_DEPTH} levels`);
  if (typeof e !== 'object' || e === null || Array.isArray(e)) throw badRequest('each filter expression must be an object');
  const x = e as Raw;
  const op = String(x.operator ?? '');
  if (op.toLowerCase() === 'and' || op.toLowerCase() === 'or') {
    const nested = x.nestedExpression ?? [];
    if (!Array.isArray(nested)) throw badRequest('"nestedExpression" must be a list of expressions');
    if (nested.length === 0) return op.toLowerCase() === 'and' ? 'true' : 'false';
    return `(${nested.map((n) => expression(type, n, params, depth + 1)).join(` ${op.toLowerCase()} `)})`;
  }
  return simple(type, x, params);
};

/** QueryConfig body -> SQL predicate; no QueryFilter or no expression means every record. */
export const compileFilter = (type: ObjectType, body: unknown, firstParam: number): Compiled => {
  const params: unknown[] = new Array(firstParam - 1).fill(null);
  if (body === undefined || body === null) return { sql: 'true', params: [] };
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('the QUERY body must be a QueryConfig object');
  const filter = (body as Raw).QueryFilter;
  if (filter === undefined || filter === null) return { sql: 'true', params: [] };
  if (typeof filter !== 'object') throw badRequest('"QueryFilter" must be an object');
  const expr = (filter as Raw).expression;
  if (expr === undefined || expr === null) return { sql: 'true', params: [] };
  const sql = expression(type, expr, params, 0);
  return { sql, params: params.slice(firstParam - 1) };
};
