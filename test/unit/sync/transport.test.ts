import { describe, expect, it } from 'vitest';
import { ApiError, type FetchLike } from '../../../shared/api';
import { classifyFailure } from '../../../shared/api/sync';
import { seededRandom } from '../../../shared/sync/clock';
import { TokenBucket } from '../../../shared/sync/tokenBucket';
import { pacedFetch } from '../../../shared/sync/transport';
import { FakeClock } from './clock';

/** A fetch that answers from a script of statuses ('net' = the connection drops), recording calls. */
const scripted = (script: (number | 'net')[]) => {
  const seen: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push(`${init.method} ${url}`);
    const next = script.shift() ?? 200;
    if (next === 'net') throw new TypeError('fetch failed');
    return { status: next, text: async () => '{}' };
  };
  return { fetch, seen };
};

const paced = (fetch: FetchLike, clock = new FakeClock(), rate = 10) =>
  pacedFetch(fetch, { bucket: new TokenBucket(clock, rate, 1), clock, random: seededRandom(1), retries: 5 });

describe('pacedFetch: the transport under the client (rate limit, retries of reads)', () => {
  it('takes one token per request: 11 requests at 10/s take a second', async () => {
    const clock = new FakeClock();
    const { fetch } = scripted([]);
    const f = paced(fetch, clock);
    for (let i = 0; i < 11; i++) await f('http://p/AccountGroup/query', { method: 'POST', headers: {} });
    expect(clock.now()).toBeCloseTo(1000, 0);
  });

  it('retries a read (query, queryMore, GET) after 503, 500 and a dropped connection', async () => {
    const { fetch, seen } = scripted([503, 500, 'net', 200]);
    const res = await paced(fetch)('http://p/Account/queryMore', { method: 'POST', headers: {}, body: 'token' });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(4);
  });

  it('retries a bulk GET (POST …/bulk reads, it changes nothing) after a dropped connection', async () => {
    const { fetch, seen } = scripted(['net', 500, 200]);
    const res = await paced(fetch)('http://p/AccountSSOConfig/bulk', { method: 'POST', headers: {}, body: '{}' });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it('retries a write only after 503 (the platform did not act); a 500 or a drop goes back to the engine', async () => {
    const a = scripted([503, 201]);
    expect((await paced(a.fetch)('http://p/AccountGroupAccount', { method: 'POST', headers: {}, body: '{}' })).status).toBe(201);
    expect(a.seen).toHaveLength(2);
    const b = scripted([500]);
    expect((await paced(b.fetch)('http://p/AccountGroupAccount', { method: 'POST', headers: {}, body: '{}' })).status).toBe(500);
    expect(b.seen).toHaveLength(1);
    const c = scripted(['net']);
    await expect(paced(c.fetch)('http://p/AccountGroupUserRole/x', { method: 'DELETE', headers: {} })).rejects.toThrow(/fetch failed/);
    expect(c.seen).toHaveLength(1);
  });

  it('gives up on a read after its retries and hands back the last answer', async () => {
    const { fetch, seen } = scripted([503, 503, 503, 503, 503, 503, 503]);
    expect((await paced(fetch)('http://p/Role/query', { method: 'POST', headers: {} })).status).toBe(503);
    expect(seen).toHaveLength(6);
  });
});

describe('classifyFailure (DESIGN.md Push)', () => {
  it.each([
    [new ApiError('rate-limited', 503, 'busy'), 'retry'],
    [new ApiError('server', 500, 'boom'), 'unknown'],
    [new ApiError('network', 0, 'socket hang up'), 'unknown'],
    [new ApiError('invalid-response', 200, 'not JSON'), 'unknown'],
    [new ApiError('unauthorized', 401, 'bad token'), 'auth'],
    [new ApiError('conflict', 409, 'exists'), 'reject'],
    [new ApiError('forbidden', 403, 'no'), 'reject'],
    [new Error('timeout'), 'unknown'],
  ])('%s → %s', (e, kind) => {
    expect(classifyFailure(e).kind).toBe(kind);
  });

  it('keeps the platform message for a rejection', () => {
    expect(classifyFailure(new ApiError('bad-request', 400, 'HTTP 400: R21: role still assigned to a@x.com'))).toEqual({
      kind: 'reject', status: 400, message: 'HTTP 400: R21: role still assigned to a@x.com',
    });
  });
});
