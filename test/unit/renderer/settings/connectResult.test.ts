import { describe, expect, it } from 'vitest';
import { connectedResult, connectResultHolds } from '../../../../renderer/src/features/settings/connectResult';

const info = (url: string) => ({ mode: 'remote' as const, url, accountId: 'a', user: 'me@x.com', online: true });
const URL1 = 'https://p.example/api/rest/v1/a';

describe('the Connect outcome holds only while the live connection is what it said', () => {
  it('"Connected to …" shows while the connection is still online and without error', () => {
    const r = connectedResult({ url: URL1, online: true });
    expect(r).toMatchObject({ ok: true, text: `Connected to ${URL1}.` });
    expect(connectResultHolds(r, { info: info(URL1), online: true, lastError: null })).toBe(true);
  });

  it('is no longer shown once the platform stops, answers with an error, or another platform is connected', () => {
    const r = connectedResult({ url: URL1, online: true });
    expect(connectResultHolds(r, { info: info(URL1), online: false, lastError: 'fetch failed' })).toBe(false);
    expect(connectResultHolds(r, { info: info(URL1), online: true, lastError: 'HTTP 503' })).toBe(false);
    expect(connectResultHolds(r, { info: info('https://q.example/api/rest/v1/b'), online: true, lastError: null })).toBe(false);
  });

  it('"Connected to …, but: error" goes once the error is gone', () => {
    const r = connectedResult({ url: URL1, online: true, lastError: 'HTTP 500' });
    expect(r.ok).toBe(false);
    expect(connectResultHolds(r, { info: info(URL1), online: true, lastError: 'HTTP 500' })).toBe(true);
    expect(connectResultHolds(r, { info: info(URL1), online: true, lastError: null })).toBe(false);
  });

  it('a refused attempt stays: it reports the attempt, not the connection', () => {
    expect(connectResultHolds({ ok: false, text: 'HTTP 401 — the previous connection is kept' }, { info: null, online: false, lastError: 'x' })).toBe(true);
  });
});
