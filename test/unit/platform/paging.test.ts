import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountGroupAccountId } from '../../../shared/model';
import { eq, startTestPlatform, type Json, type TestPlatform } from './helpers';

// The partner tier: 1,000 accounts and 5,000 group-account links, enough for multi-page scans.
let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ seed: 'partner' });
});
afterAll(async () => p?.stop());

describe('Boomi paging', () => {
  it('pages 100 at a time over 250+ records, each record once, with numberOfResults = all matches', async () => {
    const { records, pages, first } = await p.api.scan('Account');
    expect(records.length).toBeGreaterThan(250);
    expect(first.numberOfResults).toBe(records.length);
    expect(pages.slice(0, -1).every((n) => n === 100)).toBe(true);
    expect(pages.at(-1)).toBeLessThanOrEqual(100);
    expect(new Set(records.map((r) => r.accountId)).size).toBe(records.length);
  });

  it('gives no queryToken when everything fits in one page', async () => {
    const r = await p.api.query('Entity');
    expect((r.body as Json).queryToken).toBeUndefined();
  });

  it('a filtered scan pages too', async () => {
    const all = await p.api.scan('AccountGroupAccount');
    const groupId = String(all.records[0]!.accountGroupId);
    const expected = all.records.filter((r) => r.accountGroupId === groupId).map((r) => r.id);
    const filtered = await p.api.scan('AccountGroupAccount', eq('accountGroupId', groupId));
    expect(expected.length).toBeGreaterThan(250);
    expect(filtered.records.map((r) => r.id)).toEqual(expected);
  });

  it('stays stable while records are added and removed under a running scan', async () => {
    const groups = (await p.api.scan('AccountGroup')).records;
    const target = groups.find((g) => !g.defaultGroup)!;
    const before = (await p.api.scan('AccountGroupAccount', eq('accountGroupId', String(target.id)))).records.map((r) => String(r.accountId));
    const accounts = (await p.api.scan('Account', eq('PARENTACCOUNTID', p.accountId))).records.map((a) => String(a.accountId));
    const outside = accounts.filter((a) => !before.includes(a)).slice(0, 3);

    const first = await p.api.query('AccountGroupAccount', eq('accountGroupId', String(target.id)));
    const seen = ((first.body as Json).result as Json[]).map((r) => String(r.accountId));
    // Under the scan: remove a record already returned, one not yet returned, and add new ones.
    const removedSeen = seen[0]!;
    const removedAhead = before[before.length - 1]!;
    for (const a of [removedSeen, removedAhead]) {
      expect((await p.api.call('DELETE', `AccountGroupAccount/${accountGroupAccountId(String(target.id), a)}`)).status).toBe(200);
    }
    for (const a of outside) {
      expect((await p.api.call('POST', 'AccountGroupAccount', { accountGroupId: target.id, accountId: a })).status).toBe(200);
    }
    let token = (first.body as Json).queryToken as string | undefined;
    while (token) {
      const r = await p.api.call('POST', 'AccountGroupAccount/queryMore', token);
      expect(r.status).toBe(200);
      seen.push(...((r.body as Json).result as Json[]).map((x) => String(x.accountId)));
      token = (r.body as Json).queryToken as string | undefined;
    }
    // Every record that existed throughout appears exactly once; the added ones wait for the next scan.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(before.filter((a) => a !== removedAhead));
    expect(seen.some((a) => outside.includes(a))).toBe(false);
  });

  it('accepts the token JSON-quoted, as some generated clients send a string body', async () => {
    const r = await p.api.query('Account');
    const more = await p.api.call('POST', 'Account/queryMore', JSON.stringify((r.body as Json).queryToken), { contentType: 'application/json' });
    expect(more.status).toBe(200);
    expect(((more.body as Json).result as Json[])[0]!.accountId).not.toBe(((r.body as Json).result as Json[])[0]!.accountId);
  });

  it('refuses a token of another object type', async () => {
    const r = await p.api.query('Account');
    const token = (r.body as Json).queryToken as string;
    const wrong = await p.api.call('POST', 'AccountGroupAccount/queryMore', token);
    expect(wrong.status).toBe(400);
    expect((wrong.body as Json).message).toMatch(/belongs to a Account query/);
  });
});

describe('expired queryTokens', () => {
  it('get a clear 400', async () => {
    const admin = (method: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${p.port}/admin/token-ttl`, {
        method, headers: { Authorization: `Basic ${Buffer.from(`BOOMI_TOKEN.${p.user}:${p.token}`).toString('base64')}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await admin('PUT', { ms: 1 })).status).toBe(200);
    try {
      const r = await p.api.query('Account');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const more = await p.api.call('POST', 'Account/queryMore', (r.body as Json).queryToken as string);
      expect(more.status).toBe(400);
      expect((more.body as Json).message).toMatch(/expired/);
    } finally {
      await admin('PUT', { ms: 600_000 });
    }
  });
});
