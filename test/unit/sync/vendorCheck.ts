import { appendFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import type { FetchLike } from '../../../shared/api';
import { matchOperation } from '../../../platform/profile/vendor';
import { vendorSpec } from '../../../platform/profile/spec';

/**
 * A fetch that checks every request against the vendor's full OpenAPI as it leaves: a request
 * the spec rejects, or a write-shaped request outside the vendor's operations, is a violation.
 * Reading a type the vendor lacks is a capability probe (410 says "absent"); writing one never is.
 */
export const vendorChecker = () => {
  const sent: string[] = [];
  const violations: string[] = [];
  const shapes = new Map<string, string>();
  // ROSTER_VENDOR_SHAPES=FILE: every distinct request shape and its verdict, one JSON line each.
  const out = process.env.ROSTER_VENDOR_SHAPES;
  if (out) afterAll(() => appendFileSync(out, [...shapes.values()].map((l) => `${l}\n`).join('')));
  const check = (method: string, url: string, body: string | undefined) => {
    const rel = new URL(url).pathname.replace(/^\/api\/rest\/v1\/[^/]+/, '');
    sent.push(`${method} ${rel}`);
    const spec = vendorSpec();
    const m = matchOperation(spec, method, rel);
    if (out) {
      const before = violations.length;
      queueMicrotask(() => {
        const template = typeof m === 'string' ? rel : m.op.template;
        const shape = body ? shapeOf(JSON.parse(body) as unknown) : '';
        const api = new URL(url).pathname.startsWith('/api/rest/v1/');
        const outside = api ? 'not in the spec (410: a read-only capability probe)' : "outside the API: the reference platform's rate endpoint, asked on loopback only";
        const verdict = violations.length > before ? `rejected: ${violations.slice(before).join('; ')}` : m === 'gone' ? outside : 'valid';
        shapes.set(`${method} ${template} ${shape}`, JSON.stringify({ method, template, body: shape, verdict }));
      });
    }
    const write = method === 'DELETE' || (method === 'POST' && !/\/(query|queryMore|bulk)$/.test(rel));
    if (m === 'gone' || m === 'method') {
      if (write || m === 'method') violations.push(`${method} ${rel}: not a vendor operation`);
      return;
    }
    if (m.op.body.kind === 'json') {
      const parsed = body ? (JSON.parse(body) as unknown) : undefined;
      if (parsed === undefined && m.op.template.endsWith('/query')) violations.push(`${method} ${rel}: a query without a QueryFilter`);
      const errors = parsed === undefined ? [] : spec.validate(m.op, parsed);
      if (errors.length) violations.push(`${method} ${rel} ${body}: ${errors.join('; ')}`);
    }
    if (m.op.hasId && method === 'POST' && /\/(query|queryMore|bulk)$/.test(rel)) violations.push(`${method} ${rel}: an UPDATE of an object named like an operation`);
  };
  const fetch: FetchLike = async (url, init) => {
    check(init.method, url, init.body);
    return globalThis.fetch(url, init as RequestInit) as unknown as ReturnType<FetchLike>;
  };
  return { sent, violations, fetch };
};

/** A body with its values replaced by their types; a filter's operator and property kept. */
const shapeOf = (v: unknown, key = ''): string => {
  if (Array.isArray(v)) return `[${v.length ? shapeOf(v[0], key) : ''}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${shapeOf(x, k)}`).join(', ')}}`;
  if (typeof v === 'string' && ['operator', 'property', '@type', 'objectType'].includes(key)) return JSON.stringify(v);
  return typeof v;
};
