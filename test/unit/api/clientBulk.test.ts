import { describe, expect, it } from 'vitest';
import { BULK_MAX, createPlatformClient, type FetchLike } from '../../../shared/api';
import { group, reply, type Call } from './fakePlatform';

const BASE = 'http://127.0.0.1:9/api/rest/v1/primary-1';
const client = (fetch: FetchLike) => createPlatformClient({ baseUrl: BASE, user: 'admin@x.com', token: 's3cret', fetch });

const recording = (body: unknown) => {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => (calls.push({ url, init }), { status: 200, text: async () => JSON.stringify(body) });
  return { fetch, calls };
};

describe('platform client: bulk GET', () => {
  it('POSTs {"type":"GET","request":[{id}…]} to <type>/bulk and answers one item per id, in the ids\' order', async () => {
    const { fetch, calls } = recording({
      '@type': 'BulkResult',
      response: [
        { index: 1, id: 'g2', statusCode: 200, Result: group(2) },
        { index: 0, id: 'g1', statusCode: 200, Result: group(1) },
      ],
    });
    const items = await client(fetch).bulkGet('AccountGroup', ['g1', 'g2']);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${BASE}/AccountGroup/bulk`);
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ type: 'GET', request: [{ id: 'g1' }, { id: 'g2' }] });
    expect(items.map((i) => i.ok && i.record.id)).toEqual(['g1', 'g2']);
  });

  it('a failed item, an invalid Result and a missing item are failed items, not a thrown call', async () => {
    const { fetch } = recording({
      response: [
        { index: 0, id: 'g1', statusCode: 403, errorMessage: 'AccountGroup g1 is not accessible', Result: { '@type': 'AccountGroup', id: 'g1' } },
        { index: 1, id: 'g2', statusCode: 200, Result: { id: 'g2' } },
      ],
    });
    const items = await client(fetch).bulkGet('AccountGroup', ['g1', 'g2', 'g3']);
    expect(items).toEqual([
      { id: 'g1', ok: false, statusCode: 403, errorMessage: 'AccountGroup g1 is not accessible' },
      { id: 'g2', ok: false, statusCode: 200, errorMessage: expect.stringContaining('invalid AccountGroup') },
      { id: 'g3', ok: false, statusCode: 0, errorMessage: 'missing from the bulk result' },
    ]);
  });

  it(`refuses more than ${BULK_MAX} ids before sending anything, and sends nothing for none`, async () => {
    const { fetch, calls } = recording({ response: [] });
    const ids = Array.from({ length: BULK_MAX + 1 }, (_, i) => `g${i}`);
    await expect(client(fetch).bulkGet('AccountGroup', ids)).rejects.toThrow(/at most 100 ids, got 101/);
    expect(await client(fetch).bulkGet('AccountGroup', [])).toEqual([]);
    expect(calls).toHaveLength(0);
  });

  it('a refused call or a body without "response" throws a typed ApiError', async () => {
    await expect(client(reply(503, '{"@type":"Error","message":"busy"}')).bulkGet('AccountGroup', ['g1'])).rejects.toMatchObject({ name: 'ApiError', status: 503 });
    await expect(client(reply(200, '{"numberOfResults":0,"result":[]}')).bulkGet('AccountGroup', ['g1'])).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});
