import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../../cli/commands/export';

// The CLI paces through the same module as main (shared/sync/pacer.ts): a 503's Retry-After is
// honoured by `roster export` and `roster apply` as by the app, not retried at once.
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('roster export/apply: the platform client honours Retry-After', () => {
  it('a 503 with Retry-After: 1 is retried no sooner than a second later, and the read then succeeds', async () => {
    const at: number[] = [];
    globalThis.fetch = (async () => {
      at.push(Date.now());
      return at.length === 1
        ? new Response('{"@type":"Error","message":"rate limit exceeded"}', { status: 503, headers: { 'Retry-After': '1' } })
        : new Response(JSON.stringify({ '@type': 'Role', id: 'r1', accountId: 'acc-1', name: 'Deployer' }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const { api, calls } = connect({ platform: 'https://platform.example/api/rest/v1/acc-1', user: 'u', token: 't' });
    const role = await api.get('Role', 'r1');
    expect(role).toMatchObject({ id: 'r1', name: 'Deployer' });
    expect(calls()).toBe(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1_000);
  });
});
