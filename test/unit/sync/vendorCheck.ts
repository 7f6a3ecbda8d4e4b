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
  const check = (method: string, url: string, body: string | undefined) => {
    const rel = new URL(url).pathname.replace(/^\/api\/rest\/v1\/[^/]+/, '');
    sent.push(`${method} ${rel}`);
    const spec = vendorSpec();
    const m = matchOperation(spec, method, rel);
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
