import type { z } from 'zod';

/**
 * A fast path in front of zod for records that are plainly valid. A 100,000-account snapshot
 * holds ~700,000 records, and running each through zod costs about as much as parsing the JSON.
 *
 * The checker is compiled from the zod schema itself, so it cannot drift from it: it
 * understands only object shapes of optional/required strings (min/max length), literals,
 * enums, booleans, integers/numbers and nested objects of the same. Whatever else a schema
 * holds (a trim, a refine, a transform, a union…) makes that field "not fast": a record using
 * it goes through zod. A record that fails the fast check goes through zod too, so every error
 * message is zod's own. What the fast path returns is what zod would: the known keys, in the
 * shape's order (zod drops unknown keys, so a record with any goes through zod as well).
 */
export const NOT_FAST: unique symbol = Symbol('not fast');
type Check = (v: unknown) => unknown;

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
  innerType?: Schema;
  shape?: Record<string, Schema>;
  catchall?: unknown;
  values?: unknown[];
  entries?: Record<string, unknown>;
  coerce?: boolean;
}
interface Schema {
  _zod: { def: Def };
}

const lengthBounds = (def: Def): { min: number; max: number } | null => {
  let min = 0;
  let max = Infinity;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' && typeof d.minimum === 'number') min = Math.max(min, d.minimum);
    else if (d.check === 'max_length' && typeof d.maximum === 'number') max = Math.min(max, d.maximum);
    else return null;
  }
  return { min, max };
};

/** A checker returning the parsed value or NOT_FAST; null when the schema is beyond the fast path. */
const compile = (schema: Schema): Check | null => {
  const def = schema._zod.def;
  if (def.coerce) return null;
  const noChecks = !def.checks || def.checks.length === 0;
  switch (def.type) {
    case 'string': {
      const b = lengthBounds(def);
      if (!b) return null;
      return (v) => (typeof v === 'string' && v.length >= b.min && v.length <= b.max ? v : NOT_FAST);
    }
    case 'boolean':
      return noChecks ? (v) => (typeof v === 'boolean' ? v : NOT_FAST) : null;
    case 'literal': {
      const values = def.values ?? [];
      return noChecks ? (v) => (values.includes(v) ? v : NOT_FAST) : null;
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return noChecks ? (v) => (typeof v === 'string' && values.has(v) ? v : NOT_FAST) : null;
    }
    case 'optional': {
      // An explicit `undefined` is left to zod: JSON never holds one.
      return def.innerType ? compile(def.innerType) : null;
    }
    case 'object':
      return compileObject(def);
    default:
      return null;
  }
};

const compileObject = (def: Def): Check | null => {
  if (!def.shape || (def.catchall !== undefined && def.catchall !== null) || (def.checks && def.checks.length)) return null;
  const keys = Object.keys(def.shape);
  const index = new Map<string, number>();
  const checks: (Check | null)[] = [];
  const required: number[] = [];
  keys.forEach((k, i) => {
    const field = def.shape![k]!;
    index.set(k, i);
    checks.push(compile(field));
    if (field._zod.def.type !== 'optional') required.push(i);
  });
  const seen = new Uint8Array(keys.length);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return NOT_FAST;
    const rec = v as Record<string, unknown>;
    seen.fill(0);
    let last = -1;
    let ordered = true;
    let changed = false;
    for (const k in rec) {
      const i = index.get(k);
      if (i === undefined) return NOT_FAST;
      const check = checks[i];
      if (!check) return NOT_FAST;
      const value = rec[k];
      const out = check(value);
      if (out === NOT_FAST) return NOT_FAST;
      if (out !== value) changed = true;
      seen[i] = 1;
      if (i < last) ordered = false;
      last = i;
    }
    for (const i of required) if (!seen[i]) return NOT_FAST;
    if (ordered && !changed) return rec;
    const copy: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) if (seen[i]) copy[keys[i]!] = checks[i]!(rec[keys[i]!]);
    return copy;
  };
};

/** The fast checker of an object schema; a schema beyond the fast path checks nothing fast. */
export const fastParser = (schema: z.ZodType): Check => {
  const check = compile(schema as unknown as Schema);
  return check ?? (() => NOT_FAST);
};
