import { describe, expect, it } from 'vitest';
import { validateConnection } from '../../../../renderer/src/features/settings/form';

const remote = { mode: 'remote' as const, url: 'https://api.boomi.com/api/rest/v1/acct-1', user: 'me@x.com', token: 't0k' };

describe('connection form', () => {
  it('the embedded platform needs nothing else', () => {
    expect(validateConnection({ mode: 'embedded', url: 'junk', user: '', token: '' })).toEqual({ ok: true, request: { mode: 'embedded' } });
  });

  it('a complete remote form becomes a ConnectionRequest (URL and user trimmed)', () => {
    expect(validateConnection({ ...remote, url: ` ${remote.url} `, user: ' me@x.com ' })).toEqual({ ok: true, request: remote });
  });

  it('reports one clear message per missing field', () => {
    const r = validateConnection({ mode: 'remote', url: '', user: '', token: '' });
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(['token', 'url', 'user']);
    expect(!r.ok && r.errors.token).toBe('Enter the API token.');
  });

  it('a URL that does not name the account is refused with the expected shape', () => {
    const r = validateConnection({ ...remote, url: 'https://api.boomi.com' });
    expect(!r.ok && r.errors).toEqual({ url: 'The URL must name the account: https://<host>/api/rest/v1/<accountId>.' });
  });

  it('only http(s) URLs are accepted', () => {
    const r = validateConnection({ ...remote, url: 'ftp://host/api/rest/v1/a' });
    expect(!r.ok && r.errors.url).toMatch(/must start with http/);
  });
});
