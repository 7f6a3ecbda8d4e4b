import { z } from 'zod';
import { Id, ObjectSchemas, type ObjectType } from '../../shared/model';
import { badRequest } from '../errors';

/**
 * Strict shapes of every write body, checked before a write touches anything. Each type's body
 * is its shared model (what GET returns, so a read-modify-write passes) with every level closed:
 * a property the model does not know, or a value of the wrong type anywhere (`"Resources": true`),
 * is a 400 naming it. Top-level fields are optional here; the write itself says which it needs.
 */

type Schema = z.ZodType;

/** The same schema with every object closed to unknown properties, all the way down. */
export const deepStrict = (s: Schema): Schema => {
  if (s instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(s.shape as Record<string, Schema>).map(([k, v]) => [k, deepStrict(v)]));
    return z.strictObject(shape);
  }
  if (s instanceof z.ZodOptional) return deepStrict(s.unwrap() as Schema).optional();
  if (s instanceof z.ZodNullable) return deepStrict(s.unwrap() as Schema).nullable();
  if (s instanceof z.ZodArray) return z.array(deepStrict(s.element as Schema));
  return s;
};

/** Where the platform's writes accept more than GET shows. */
const OVERRIDES: Partial<Record<ObjectType, Record<string, Schema>>> = {
  // null clears the Support Access Role (R10).
  Account: { supportAccessRoleId: Id.nullable().optional() },
};

const bodyOf = (type: ObjectType): Schema => {
  const model = ObjectSchemas[type] as unknown as z.ZodObject;
  const strict = deepStrict(model) as z.ZodObject;
  return strict.partial().extend(OVERRIDES[type] ?? {});
};

/**
 * Containers whose list replaces the stored one: `"Resources": {}` would otherwise read as "no
 * resources" and (R20) take the unshared roles from every user relying on them, and
 * `"Privileges": {}` would strip a role every holder has (R17). A missing list is not an empty one.
 */
const REPLACED_LISTS: Partial<Record<ObjectType, [container: string, list: string]>> = {
  AccountGroup: ['Resources', 'Resource'],
  Role: ['Privileges', 'Privilege'],
};

const cache = new Map<ObjectType, Schema>();

const issueText = (i: z.core.$ZodIssue): string => {
  const where = i.path.map(String).join('.') || '(body)';
  if (i.code === 'unrecognized_keys') return `${where}: unknown propert${i.keys.length > 1 ? 'ies' : 'y'} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${where}: ${i.message}`;
};

/** Throws a 400 naming every problem of a CREATE/UPDATE body; returns it unchanged when it fits. */
export const checkWriteBody = (type: ObjectType, body: unknown): void => {
  let schema = cache.get(type);
  if (!schema) cache.set(type, (schema = bodyOf(type)));
  const r = schema.safeParse(body);
  if (!r.success) throw badRequest(`invalid ${type}: ${r.error.issues.map(issueText).join('; ')}`);
  const lists = REPLACED_LISTS[type];
  const container = lists && (body as Record<string, Record<string, unknown> | undefined>)[lists[0]];
  if (lists && container && container[lists[1]] === undefined) {
    throw badRequest(`invalid ${type}: ${lists.join('.')}: is required when ${lists[0]} is given (it replaces the list; send [] to empty it)`);
  }
};

/** NUL cannot be stored and a lone surrogate is not text: both are refused wherever they appear. */
const badChar = (s: string): string | null => {
  if (s.includes('\u0000')) return 'a NUL character';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) return 'a lone UTF-16 surrogate';
  return null;
};

/** Refuses text with NUL or a lone surrogate in `what` (an id, a header field). */
export const checkText = (what: string, s: string): void => {
  const bad = badChar(s);
  if (bad) throw badRequest(`${what} contains ${bad}`);
};

const MAX_DEPTH = 64;

/** The same check over every key and string of a parsed JSON body (which may not nest deeper than 64). */
export const checkJsonText = (value: unknown, path = '(body)', depth = 0): void => {
  if (typeof value === 'string') return checkText(path, value);
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_DEPTH) throw badRequest(`the body nests deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkJsonText(v, `${path}[${i}]`, depth + 1));
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    checkText(`a property name in ${path}`, k);
    checkJsonText(v, path === '(body)' ? k : `${path}.${k}`, depth + 1);
  }
};
