import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The vendor's complete OpenAPI (the project's own copy, platform/spec/) as a table of
 * operations, and a request-body validator per operation. Loaded once per process and only by
 * the vendor profile: parsing 4 MB and compiling costs about a second.
 */
export interface SpecOperation {
  method: string;
  /** As the spec writes it, e.g. `/AccountGroup/{id}`. */
  template: string;
  /** The first path segment: the object type (or `getAssignableRoles`). */
  object: string;
  /** `{id}` in the template. */
  hasId: boolean;
  /** The request body: none, `text/plain` (queryMore) or a JSON schema. */
  body: { kind: 'none' } | { kind: 'text'; required: boolean } | { kind: 'json'; required: boolean; schema: unknown };
}

interface RawSpec {
  paths: Record<string, Record<string, { requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> } }>>;
  components: { schemas: Record<string, RawSchema> };
}
interface RawSchema {
  type?: string;
  properties?: Record<string, unknown>;
  additionalProperties?: unknown;
  allOf?: unknown[];
}

export const SPEC_URL = new URL('../spec/boomi-openapi-full.json', import.meta.url);

/**
 * Objects the spec describes are closed here: a property the vendor's object lacks is a request
 * the vendor's API does not define (Roster must never send our extension fields to it). `@type`
 * is allowed everywhere, as the vendor's JSON binding accepts it.
 */
const closeSchemas = (schemas: Record<string, RawSchema>): void => {
  const inAllOf = new Set(
    Object.values(schemas).flatMap((s) => (s.allOf ?? []).map((x) => String((x as { $ref?: string }).$ref ?? '').split('/').pop())),
  );
  for (const [name, s] of Object.entries(schemas)) {
    // Filter expressions stay as the spec has them (one of the SDK's is not even an expression).
    if (!s.properties || s.additionalProperties !== undefined || s.allOf || inAllOf.has(name) || name.endsWith('Expression')) continue;
    s.properties['@type'] = { type: 'string' };
    s.additionalProperties = false;
  }
};

export interface VendorSpec {
  operations: SpecOperation[];
  /** Top-level property names of an object type as the vendor defines it. */
  fieldsOf(type: string): Set<string> | undefined;
  /** Errors of a JSON body against an operation's schema; empty when valid. */
  validate(op: SpecOperation, body: unknown): string[];
}

let loaded: VendorSpec | undefined;

export const vendorSpec = (): VendorSpec => (loaded ??= load());

const load = (): VendorSpec => {
  const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as RawSpec;
  const fields = new Map(
    Object.entries(spec.components.schemas).flatMap(([n, s]) => (s.properties ? [[n, new Set(Object.keys(s.properties))] as const] : [])),
  );
  closeSchemas(spec.components.schemas);
  dropEmptyEnums(spec.components);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ paths: spec.paths, components: spec.components }, 'vendor');
  const operations: SpecOperation[] = [];
  for (const [template, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const required = op.requestBody?.required === true;
      const json = content['application/json']?.schema;
      const pointer = `vendor#/paths/${escapePointer(template)}/${method}/requestBody/content/application~1json/schema`;
      const body: SpecOperation['body'] = json
        ? { kind: 'json', required, schema: { $ref: pointer } }
        : content['text/plain'] ? { kind: 'text', required } : { kind: 'none' };
      operations.push({ method: method.toUpperCase(), template, object: template.split('/')[1] ?? '', hasId: template.includes('{'), body });
    }
  }
  const compiled = new Map<SpecOperation, ValidateFunction>();
  return {
    operations,
    fieldsOf: (type) => fields.get(type),
    validate(op, body) {
      if (op.body.kind !== 'json') return [];
      let v = compiled.get(op);
      if (!v) compiled.set(op, (v = ajv.compile(op.body.schema as object)));
      if (v(body)) return [];
      return (v.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`);
    },
  };
};

/** The SDK's spec has a few `enum: []` (no value listed), which JSON Schema cannot compile: read as "any". */
const dropEmptyEnums = (node: unknown): void => {
  if (Array.isArray(node)) node.forEach(dropEmptyEnums);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.enum) && o.enum.length === 0) delete o.enum;
    Object.values(o).forEach(dropEmptyEnums);
  }
};

/** JSON Pointer escaping of one segment (RFC 6901), then URI-escaped for a $ref. */
const escapePointer = (segment: string): string => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
