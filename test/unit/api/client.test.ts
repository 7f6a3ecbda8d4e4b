import { describe, expect, it } from 'vitest';
import { ApiError, accountIdOf, apiBase, createPlatformClient, queryAll, type FetchLike } from '../../../shared/api';
import { equalsFilter } from '../../../shared/model';
import { group, pagingFetch, reply } from './fakePlatform';

const BASE = 'http://127.0.0.1:9/api/rest/v1/primary-1';
const client = (fetch: FetchLike) => createPlatformClient({ baseUrl: BASE, user: 'admin@x.com', token: 's3cret', fetch });

describe('platform client: paging', () => {
  it('walks query + queryMore 100 a page, sending the token as text/plain', async () => {
    const { fetch, calls } = pagingFetch(Array.from({ length: 250 }, (_, i) => group(i)));
    const pages = [];
    for await (const p of client(fetch).query('AccountGroup')) pages.push(p);
    expect(pages.map((p) => p.records.length)).toEqual([100, 100, 50]);
    expect(pages.map((p) => p.last)).toEqual([false, false, true]);
    expect(pages[2]!.records[49]!.id).toBe('g249');
    expect(calls.map((c) => c.url.slice(BASE.length))).toEqual(['/AccountGroup/query', '/AccountGroup/queryMore', '/AccountGroup/queryMore']);
    expect(calls[1]!.init.headers['Content-Type']).toBe('text/plain');
    expect(calls[1]!.init.body).toBe('tok-100');
    expect(calls[2]!.init.body).toBe('tok-200');
  });

  it('sends the filter as the QUERY body', async () => {
    const { fetch, calls } = pagingFetch([group(1)]);
    await queryAll(client(fetch), 'AccountGroup', equalsFilter('accountId', 'primary-1'));
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual(equalsFilter('accountId', 'primary-1'));
    expect(calls[0]!.init.headers['Content-Type']).toBe('application/json');
  });

  it('an empty result is one last page', async () => {
    const { fetch } = pagingFetch([]);
    const r = await queryAll(client(fetch), 'Account');
    expect(r).toEqual({ records: [], quarantined: [] });
  });

  it('refuses a platform that repeats its queryToken instead of paging forever', async () => {
    const same: FetchLike = async () => ({ status: 200, text: async () => '{"numberOfResults":500,"result":[],"queryToken":"t"}' });
    await expect(queryAll(client(same), 'Account')).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});

describe('platform client: auth', () => {
  it('uses HTTP Basic with BOOMI_TOKEN.<user>:<token> on every request', async () => {
    const { fetch, calls } = pagingFetch(Array.from({ length: 150 }, (_, i) => group(i)));
    await queryAll(client(fetch), 'AccountGroup');
    const expected = `Basic ${Buffer.from('BOOMI_TOKEN.admin@x.com:s3cret').toString('base64')}`;
    expect(calls.map((c) => c.init.headers.Authorization)).toEqual([expected, expected]);
    expect(calls[0]!.init.headers.Accept).toBe('application/json');
  });

  it('does not prefix a user name that already is a token name', async () => {
    const { fetch, calls } = pagingFetch([]);
    await queryAll(createPlatformClient({ baseUrl: BASE, user: 'BOOMI_TOKEN.a@x.com', token: 't', fetch }), 'Role');
    expect(calls[0]!.init.headers.Authorization).toBe(`Basic ${Buffer.from('BOOMI_TOKEN.a@x.com:t').toString('base64')}`);
  });
});

describe('platform client: errors', () => {
  it.each([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [410, 'gone'],
    [503, 'rate-limited'],
    [500, 'server'],
  ])('maps HTTP %i to %s with the platform message', async (status, kind) => {
    const err = await client(reply(status, '{"@type":"Error","message":"nope from platform"}'))
      .get('AccountGroup', 'g1')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status, kind });
    expect((err as ApiError).message).toContain('nope from platform');
  });

  it('a non-JSON error body still gives a clear message', async () => {
    const err = (await client(reply(401, '<html>no</html>')).get('Role', 'r').catch((e: unknown) => e)) as ApiError;
    expect(err.message).toBe('HTTP 401: the platform did not accept the credentials');
  });

  it('a failed connection is a retryable network error that never shows the token', async () => {
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const err = (await queryAll(client(down), 'Account').catch((e: unknown) => e)) as ApiError;
    expect(err).toMatchObject({ kind: 'network', status: 0, retryable: true });
    expect(err.message).toContain('fetch failed');
    expect(err.message).not.toContain('s3cret');
  });

  it('503 is retryable, 409 is not', () => {
    expect(new ApiError('rate-limited', 503, '').retryable).toBe(true);
    expect(new ApiError('conflict', 409, '').retryable).toBe(false);
  });

  it('a non-JSON success body is an invalid response', async () => {
    await expect(queryAll(client(reply(200, 'not json')), 'Account')).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});

describe('platform client: validation and quarantine', () => {
  it('keeps good records and quarantines bad ones with their index and issues', async () => {
    const recs = [group(0), { ...group(1), name: '' }, group(2), { id: 'x' }];
    const { fetch } = pagingFetch(recs, 2);
    const r = await queryAll(client(fetch), 'AccountGroup');
    expect(r.records.map((g) => g.id)).toEqual(['g0', 'g2']);
    expect(r.quarantined.map((q) => q.index)).toEqual([1, 3]);
    expect(r.quarantined[0]!.issues.join()).toContain('name');
    expect(r.quarantined[1]!.record).toEqual({ id: 'x' });
    expect(r.quarantined[1]!.objectType).toBe('AccountGroup');
  });

  it('get/create/update validate the returned record', async () => {
    const bad = client(reply(200, '{"id":"g1"}'));
    await expect(bad.get('AccountGroup', 'g1')).rejects.toMatchObject({ kind: 'invalid-response' });
    const good = client(reply(200, JSON.stringify(group(7))));
    await expect(good.create('AccountGroup', { name: 'Group 7' })).resolves.toMatchObject({ id: 'g7' });
  });

  it('get/update/delete address the object by its encoded id', async () => {
    const urls: string[] = [];
    const rec: FetchLike = async (url, init) => {
      urls.push(`${init.method} ${url.slice(BASE.length)}`);
      return { status: 200, text: async () => (init.method === 'DELETE' ? '' : JSON.stringify(group(1))) };
    };
    const c = client(rec);
    await c.get('AccountGroup', 'a/b');
    await c.update('AccountGroup', 'g1', { name: 'x' });
    await c.delete('AccountGroupAccount', 'QUdB');
    expect(urls).toEqual(['GET /AccountGroup/a%2Fb', 'POST /AccountGroup/g1', 'DELETE /AccountGroupAccount/QUdB']);
  });
});

describe('apiBase', () => {
  it('appends /api/rest/v1/<accountId> to a server URL and keeps a full API URL', () => {
    expect(apiBase('http://127.0.0.1:5/', 'acc-1')).toBe('http://127.0.0.1:5/api/rest/v1/acc-1');
    expect(apiBase('https://api.boomi.com/api/rest/v1/acc-2/')).toBe('https://api.boomi.com/api/rest/v1/acc-2');
    expect(accountIdOf('https://api.boomi.com/api/rest/v1/acc-2')).toBe('acc-2');
    expect(() => apiBase('http://x')).toThrow(/account id/);
  });
});
