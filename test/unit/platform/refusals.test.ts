import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from '../../../shared/seeds/example';
import { startPlatform } from '../../../platform';
import { basic, eq, startTestPlatform, tokenAuth, type Json, type Reply, type TestPlatform } from './helpers';
import { adminCall } from './tenants';

// Bad input gets a 4xx with a message and changes nothing: every case below is checked against a
// fingerprint of the tenant's data taken before it.
let p: TestPlatform;
let role: string;
beforeAll(async () => {
  p = await startTestPlatform({ seed: 'example' });
  const r = await p.api.call('POST', 'Role', { name: 'Kept Operator', Privileges: { Privilege: [{ name: 'DASHBOARD' }] } });
  role = String((r.body as Json).id);
  const share = await p.api.call('POST', `AccountGroup/${G.services1}`, {
    Resources: { Resource: [{ objectType: 'Role', resourceId: role, resourceName: 'Kept Operator' }] },
  });
  expect(share.status, share.text).toBe(200);
  const direct = await p.api.call('POST', 'AccountUserRole', { accountId: ABC, userId: EXAMPLE.users[0], roleId: role });
  expect(direct.status, direct.text).toBe(200);
});
afterAll(async () => p?.stop());

const G = EXAMPLE.groups;
const ABC = EXAMPLE.accounts[0].accountId;

const fingerprint = async (): Promise<string> => {
  const parts: unknown[] = [];
  for (const type of ['AccountGroup', 'AccountGroupAccount', 'AccountGroupUserRole', 'AccountUserRole', 'Role', 'Account', 'User']) {
    parts.push((await p.api.scan(type)).records);
  }
  for (const g of Object.values(G)) parts.push((await p.api.call('GET', `AccountGroup/${g}`)).body);
  return JSON.stringify(parts);
};

const refusedCleanly = async (send: () => Promise<Reply>, message: RegExp, status = 400) => {
  const before = await fingerprint();
  const r = await send();
  expect(r.status, r.text).toBe(status);
  expect(r.body).toMatchObject({ '@type': 'Error', message: expect.stringMatching(message) });
  expect(await fingerprint()).toBe(before);
};

const post = (rel: string, body: unknown) => p.api.call('POST', rel, body);

describe('write bodies are validated strictly before anything is touched', () => {
  it('R20: {"Resources": true} on a group is a 400 and keeps its shared role and the assignments relying on it', async () => {
    await refusedCleanly(() => post(`AccountGroup/${G.services1}`, { Resources: true }), /Resources/);
    const g = (await p.api.call('GET', `AccountGroup/${G.services1}`)).body as Json;
    expect(JSON.stringify(g.Resources)).toContain(role);
    expect((await p.api.query('AccountUserRole', eq('roleId', role))).body).toMatchObject({ numberOfResults: 1 });
  });

  it.each<[string, unknown]>([
    ['{"Resources": {}}', { Resources: {} }],
    ['Resources with its @type only', { Resources: { '@type': 'Resources' } }],
  ])('R20: %s (no Resource list) is a 400, not "no resources": the shared role and the assignments relying on it stay', async (_what, body) => {
    await refusedCleanly(() => post(`AccountGroup/${G.services1}`, body), /Resources\.Resource: is required when Resources is given/);
    const g = (await p.api.call('GET', `AccountGroup/${G.services1}`)).body as Json;
    expect(JSON.stringify(g.Resources)).toContain(role);
  });

  it('R17: {"Privileges": {}} on a role is a 400, not "no privileges" for every holder', async () => {
    await refusedCleanly(() => post(`Role/${role}`, { Privileges: {} }), /Privileges\.Privilege: is required when Privileges is given/);
  });

  it('an explicit empty list still empties: Resource [] on a group without resources is accepted', async () => {
    const r = await post(`AccountGroup/${G.services2}`, { Resources: { Resource: [] } });
    expect(r.status, r.text).toBe(200);
  });

  it.each<[string, string, unknown, RegExp]>([
    ['a list of the wrong type', `AccountGroup/${G.services1}`, { Resources: { Resource: 'all' } }, /Resources\.Resource/],
    ['a resource with an unknown property', `AccountGroup/${G.services1}`, { Resources: { Resource: [{ objectType: 'Role', resourceId: 'x', resourceName: 'x', drop: 1 }] } }, /unknown property "drop"/],
    ['a name that is a number', `AccountGroup/${G.services1}`, { name: 5 }, /name/],
    ['a misspelt property', `AccountGroup/${G.services1}`, { nmae: 'Renamed' }, /unknown property "nmae"/],
    ['a group created with an unknown property', 'AccountGroup', { name: 'Fresh', members: [ABC] }, /unknown property "members"/],
    ['a link without its account', 'AccountGroupAccount', { accountGroupId: G.services1 }, /accountId/],
    ['a link with a boolean id', 'AccountGroupAccount', { accountGroupId: G.services1, accountId: true }, /accountId/],
    ['a role assignment with an extra property', 'AccountUserRole', { accountId: ABC, userId: EXAMPLE.users[1], roleId: role, admin: true }, /unknown property "admin"/],
    ['privileges of the wrong shape', 'Role', { name: 'Odd', Privileges: { Privilege: [{ name: 'API', level: 9 }] } }, /unknown property "level"/],
    ['an account flag as a string', `Account/${ABC}`, { advancedUserSecurity: 'yes' }, /advancedUserSecurity/],
    ['a list where an object goes', 'AccountGroup', [{ name: 'x' }], /JSON object/],
  ])('%s → 400, nothing changed', async (_what, rel, body, message) => {
    await refusedCleanly(() => post(rel, body), message);
  });

  it('a read-modify-write of what GET returned still passes (the strict shape is the model GET shows)', async () => {
    const g = (await p.api.call('GET', `AccountGroup/${G.services2}`)).body as Json;
    const r = await post(`AccountGroup/${G.services2}`, g);
    expect(r.status, r.text).toBe(200);
  });
});

describe('text that cannot be stored is refused', () => {
  it.each<[string, () => Promise<Reply>]>([
    ['NUL in a group name', () => post('AccountGroup', { name: 'a\u0000b' })],
    ['a lone surrogate in a group name', () => post('AccountGroup', { name: 'x\uD800y' })],
    ['a lone low surrogate in a property name', () => post(`AccountGroup/${G.services1}`, { ['\uDC00']: 1 })],
    ['NUL in an id in the URL', () => p.api.call('GET', 'AccountGroup/a%00b')],
    ['NUL in a query argument', () => p.api.query('AccountGroup', eq('name', 'x\u0000'))],
    ['a lone surrogate in a bulk id', () => post('AccountGroup/bulk', { type: 'GET', request: [{ id: '\uD834' }] })],
  ])('%s → 400', async (_what, send) => {
    await refusedCleanly(send, /NUL|surrogate/);
  });

  it('NUL in the Basic user name is a failed sign-in, not a 500', async () => {
    const r = await p.api.call('POST', 'Role/query', {}, { auth: basic('a\u0000b@x', 'password1') });
    expect(r.status).toBe(401);
  });
});

describe('queries refuse what the grammar does not allow', () => {
  it.each<[string, () => Promise<Reply>, RegExp]>([
    ['LIKE ending in a backslash', () => p.api.query('AccountGroup', { operator: 'LIKE', property: 'name', argument: ['Serv\\'] }), /LIKE pattern/],
    ['property __proto__', () => p.api.query('AccountGroup', eq('__proto__', 'x')), /cannot be queried by "__proto__"/],
    ['property constructor', () => p.api.query('AccountGroup', eq('constructor', 'x')), /cannot be queried by "constructor"/],
    ['operator __proto__', () => p.api.query('AccountGroup', { operator: '__proto__', property: 'name', argument: ['x'] }), /unknown operator/],
    ['operator toString', () => p.api.query('AccountGroup', { operator: 'toString', property: 'name', argument: ['x'] }), /unknown operator/],
    ['a queryMore body with an open quote', () => post('AccountGroup/queryMore', '"abc'), /queryMore body/],
    ['a queryMore body with a bad escape', () => post('AccountGroup/queryMore', '"\\x"'), /queryMore body/],
    ['a queryMore token whose payload is not JSON', () => post('AccountGroup/queryMore', 'bm90IGpzb24.c2ln'), /queryToken is not valid/],
  ])('%s → 400', async (_what, send, message) => {
    await refusedCleanly(send, message);
  });

  it('an escaped backslash at the end of a LIKE pattern is fine', async () => {
    const r = await p.api.query('AccountGroup', { operator: 'LIKE', property: 'name', argument: ['Serv\\\\'] });
    expect(r.status, r.text).toBe(200);
  });
});

/** A POST on its own connection (a refused upload leaves its socket unusable for the next request). */
const rawPost = (rel: string, write: (req: ClientRequest) => void): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(`${p.url}/${rel}`, {
      method: 'POST', agent: false,
      headers: { Authorization: tokenAuth(p.user, p.token), 'Content-Type': 'application/json' },
    }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    write(req);
  });

describe('body size', () => {
  it('a body over the limit is refused with 413 while it streams (no Content-Length)', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const status = await rawPost('AccountGroup/query', (req) => {
      // Chunked, with no end in sight: only a check made while streaming can answer.
      const more = () => {
        while (sent < 64 * 1024 * 1024 && req.write(chunk)) sent += chunk.length;
        if (sent < 64 * 1024 * 1024) req.once('drain', more);
      };
      req.on('response', () => req.destroy());
      more();
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('the limit counts bytes, not UTF-16 units', async () => {
    // 3 million "é" are 3 M UTF-16 units (under 5 M) but 6 MB of UTF-8 (over 5 MB).
    const body = JSON.stringify({ pad: 'é'.repeat(3_000_000) });
    const status = await rawPost('AccountGroup/query', (req) => {
      req.on('response', () => req.destroy());
      req.end(body);
    });
    expect(status).toBe(413);
  });
});

describe('options that cannot work are refused before anything is created', () => {
  const fresh = () => mkdtempSync(path.join(tmpdir(), 'roster-refuse-'));

  it.each<[string, object, RegExp]>([
    ['an admin token shorter than 8 characters', { adminToken: 'short' }, /at least 8 characters/],
    ['a rate below 1', { rate: 0.5 }, /at least 1 request per second/],
    ['a negative rate', { rate: -1 }, /at least 1 request per second/],
  ])('%s', async (_what, opts, message) => {
    const dir = fresh();
    try {
      await expect(startPlatform({ dataDir: dir, port: 0, quiet: true, ...opts })).rejects.toThrow(message);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the admin endpoint refuses a short token and a rate below 1 with 400', async () => {
    expect((await adminCall(p, 'POST', 'tokens', { user: p.user, token: 'short' })).status).toBe(400);
    expect((await adminCall(p, 'PUT', 'rate', { rate: 0.5 })).status).toBe(400);
    expect((await adminCall(p, 'GET', 'rate')).body.rate).toBe(0);
    expect(existsSync(p.dir)).toBe(true);
  });
});

describe('the admin endpoint refuses a snapshot it cannot load', () => {
  it('POST /admin/import of a snapshot without a primary account is a 400 naming it', async () => {
    const dangling = { Account: [], AccountGroupAccount: [{ accountGroupId: 'g', accountId: 'a' }] };
    await refusedCleanly(async () => ({ ...(await adminCall(p, 'POST', 'import', dangling)), text: '' }), /the snapshot has no primary account/);
  });
});

describe('failed sign-ins are throttled per user and address', () => {
  it('after 10 failures a password is refused with 429 and Retry-After; a good API token still passes', async () => {
    expect((await adminCall(p, 'POST', 'passwords', { user: p.user, password: 'correct horse battery' })).status).toBe(200);
    const wrong = () => p.api.call('POST', 'Role/query', {}, { auth: basic(p.user, 'wrong password 1') });
    const first = await Promise.all(Array.from({ length: 10 }, wrong));
    expect(first.map((r) => r.status)).toEqual(Array(10).fill(401));
    const blocked = await wrong();
    expect(blocked.status).toBe(429);
    expect((blocked.body as Json).message).toMatch(/too many failed sign-ins/);
    // Even the right password waits: it is not hashed while the user is throttled.
    expect((await p.api.call('POST', 'Role/query', {}, { auth: basic(p.user, 'correct horse battery') })).status).toBe(429);
    expect((await p.api.call('POST', 'Role/query', {})).status).toBe(200);
  });
});
