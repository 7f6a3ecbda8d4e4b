import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLinkId } from '../../../shared/model';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { buildState } from '../../../shared/access';
import { neverSignedInOf, neverSignedInWarning } from '../../../shared/plans';
import { SPEC_URL } from '../../../platform/profile/spec';
import { eq, startTestPlatform, type Json, type Reply, type TestPlatform } from './helpers';
import { adminCall } from './tenants';

// `--profile vendor`: exactly the vendor's operations and fields, against the project's own copy
// of the vendor's full OpenAPI (platform/spec). The roster profile's contract is contract.test.ts.
const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema({ components: spec.components }, 'full');
const validResponse = (op: string, body: unknown): string => {
  const [method, p] = op.split(' ') as [string, string];
  const schema = spec.paths[p]?.[method.toLowerCase()]?.responses['200']?.content?.['application/json']?.schema;
  if (!schema?.$ref) return 'No errors';
  ajv.validate({ $ref: `full${schema.$ref}` }, body);
  return ajv.errorsText(ajv.errors);
};
const vendorFields = (type: string) => new Set(['@type', ...Object.keys(spec.components.schemas[type]?.properties ?? {})]);

const ALL = { operator: 'IS_NOT_NULL', property: 'accountGroupId' };
const GONE = { '@type': 'Error', message: 'Endpoint is invalid or no longer exists' };
const ABC = EXAMPLE.accounts[0].accountId;

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ seed: 'example', profile: 'vendor' });
});
afterAll(async () => p?.stop());

const call = (method: string, rel: string, body?: unknown) => p.api.call(method, rel, body);
const query = (type: string, expression: unknown) => call('POST', `${type}/query`, { QueryFilter: { expression } });
const results = (r: Reply) => (r.body as { result: Json[] }).result;

describe('vendor profile: the vendor operations answer as the spec says, with only its fields', () => {
  it('Account: GET, bulk and QUERY carry none of our extension fields', async () => {
    const get = await call('GET', `Account/${ABC}`);
    expect(get.status, get.text).toBe(200);
    expect(validResponse('GET /Account/{id}', get.body)).toBe('No errors');
    for (const k of ['parentAccountId', 'accountGroupsEnabled', 'advancedUserSecurity', 'supportAccessRoleId']) expect(get.body).not.toHaveProperty(k);
    const all = await query('Account', { operator: 'IS_NOT_NULL', property: 'ACCOUNTID' });
    expect(all.status, all.text).toBe(200);
    expect(validResponse('POST /Account/query', all.body)).toBe('No errors');
    // The primary is the account in the URL; the others it lists are its managed accounts.
    expect(results(all).map((a) => a.accountId).sort()).toEqual([EXAMPLE.primary.accountId, ...EXAMPLE.accounts.map((a) => a.accountId)].sort());
    for (const a of results(all)) for (const k of Object.keys(a)) expect(vendorFields('Account').has(k), k).toBe(true);
    const bulk = await call('POST', 'Account/bulk', { type: 'GET', request: [{ id: ABC }] });
    expect(validResponse('POST /Account/bulk', bulk.body)).toBe('No errors');
  });

  it('link ids are opaque: never our derived ids, and removes work by the id the API returned', async () => {
    const links = results(await query('AccountGroupAccount', ALL));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(parseLinkId(String(l.id))).toBeNull();
    const created = await call('POST', 'AccountGroupAccount', { accountGroupId: EXAMPLE.groups.services2, accountId: ABC });
    expect(created.status, created.text).toBe(200);
    expect(validResponse('POST /AccountGroupAccount', created.body)).toBe('No errors');
    const id = String((created.body as Json).id);
    expect(parseLinkId(id)).toBeNull();
    expect((await call('POST', 'AccountGroupAccount', { accountGroupId: EXAMPLE.groups.services2, accountId: ABC })).status).toBe(409);
    expect((await call('DELETE', `AccountGroupAccount/${id}`)).status).toBe(200);
    expect((await call('DELETE', `AccountGroupAccount/${id}`)).status).toBe(404);
  });

  it('AccountGroup: Resources on GET but not on QUERY; bulk GET takes at most 100 ids', async () => {
    const q = await query('AccountGroup', { operator: 'IS_NOT_NULL', property: 'id' });
    expect(validResponse('POST /AccountGroup/query', q.body)).toBe('No errors');
    for (const g of results(q)) expect(g).not.toHaveProperty('Resources');
    const g = await call('GET', `AccountGroup/${EXAMPLE.groups.services1}`);
    expect(g.body).toHaveProperty('Resources');
    const many = Array.from({ length: 101 }, (_, i) => ({ id: `g${i}` }));
    expect((await call('POST', 'AccountGroup/bulk', { type: 'GET', request: many })).status).toBe(400);
  });
});

describe('vendor profile: everything outside the vendor operations is refused as the vendor would', () => {
  it.each(['User', 'Entity', 'PartnerService', 'PartnerAccountAccess', 'PublishedResource'])('410 for the extension type %s', async (type) => {
    const r = await query(type, { operator: 'IS_NOT_NULL', property: 'id' });
    expect(r.status).toBe(410);
    expect(r.body).toEqual(GONE);
  });

  it('405 for verbs the vendor lacks: DELETE AccountGroup, UPDATE Account', async () => {
    expect((await call('DELETE', `AccountGroup/${EXAMPLE.groups.services1}`)).status).toBe(405);
    expect((await call('POST', `Account/${ABC}`, { name: 'x' })).status).toBe(405);
    expect((await call('POST', 'Account', { name: 'x' })).status).toBe(410);
  });

  it('400 for requests the full spec does not allow', async () => {
    const bad: [string, string, unknown][] = [
      ['POST', 'AccountGroup/query', {}],
      ['POST', 'AccountGroup/query', undefined],
      ['POST', 'Role/query', { QueryFilter: { expression: eq('id', BUILT_IN_ROLE_IDS.Support) } }],
      ['POST', 'Account/query', { QueryFilter: { expression: eq('PARENTACCOUNTID', EXAMPLE.primary.accountId) } }],
      ['POST', 'AccountGroup/query', { QueryFilter: { expression: { operator: 'STARTS_WITH', property: 'name', argument: ['S'] } } }],
      ['POST', 'AccountGroup', { name: 'G', supportAccessRoleId: BUILT_IN_ROLE_IDS.Support }],
      ['POST', 'AccountGroup', { name: 'G', autoSubscribeAlertLevel: 'loud' }],
    ];
    for (const [method, rel, body] of bad) {
      const r = await call(method, rel, body);
      expect(r.status, `${method} ${rel} ${JSON.stringify(body)}: ${r.text}`).toBe(400);
    }
  });

  it('POST AccountSSOConfig/query is the UPDATE of an AccountSSOConfig "query", never a query', async () => {
    const r = await call('POST', 'AccountSSOConfig/query', { QueryFilter: { expression: { operator: 'IS_NOT_NULL', property: 'accountId' } } });
    expect(r.status).toBe(400);
    const asUpdate = await call('POST', 'AccountSSOConfig/query', { enabled: false });
    expect(asUpdate.status).not.toBe(200);
    expect(JSON.stringify(asUpdate.body)).not.toMatch(/QueryResult/);
  });
});

describe("vendor profile: the vendor's documented behaviours", () => {
  const user = 'newcomer@example.com';

  it('notifyUser defaults to true on AccountGroupUserRole and AccountUserRole creates, and each true sends one e-mail (counted)', async () => {
    const before = p.notifications!().length;
    const agur = await call('POST', 'AccountGroupUserRole', { accountGroupId: EXAMPLE.groups.services2, userId: EXAMPLE.users[3], roleId: BUILT_IN_ROLE_IDS['Browse Only'] });
    expect(agur.status, agur.text).toBe(200);
    expect((agur.body as Json).notifyUser).toBe(true);
    const quiet = await call('POST', 'AccountUserRole', { accountId: ABC, userId: EXAMPLE.users[3], roleId: BUILT_IN_ROLE_IDS['Browse Only'], notifyUser: false });
    expect((quiet.body as Json).notifyUser).toBe(false);
    expect(p.notifications!().slice(before)).toEqual([
      { type: 'AccountGroupUserRole', userId: EXAMPLE.users[3], roleId: BUILT_IN_ROLE_IDS['Browse Only'], on: EXAMPLE.groups.services2 },
    ]);
    const admin = await adminCall(p, 'GET', 'notifications');
    expect(admin.body.count).toBe(p.notifications!().length);
  });

  it('a seeded user who has never signed in (User.neverSignedIn) cannot be added to a group\'s users', async () => {
    const g = await call('POST', 'AccountGroupUserRole', { accountGroupId: EXAMPLE.groups.services1, userId: EXAMPLE.users[2], roleId: BUILT_IN_ROLE_IDS['Browse Only'] });
    expect(g.status).toBe(400);
    expect((g.body as Json).message).toMatch(/ServUser3@boomi\.com has never signed in/);
  });

  it('an AccountUserRole for an unknown user creates the user, who cannot join group users before signing in', async () => {
    const r = await call('POST', 'AccountUserRole', { accountId: ABC, userId: user, roleId: BUILT_IN_ROLE_IDS.Support, firstName: 'New', lastName: 'Comer' });
    expect(r.status, r.text).toBe(200);
    expect(validResponse('POST /AccountUserRole', r.body)).toBe('No errors');
    const g = await call('POST', 'AccountGroupUserRole', { accountGroupId: EXAMPLE.groups.services1, userId: user, roleId: BUILT_IN_ROLE_IDS.Support });
    expect(g.status).toBe(400);
    expect((g.body as Json).message).toMatch(/never signed in/);
  });

  it('removing the last role of a user on an account removes the user from the account (its federation goes)', async () => {
    const fed = await call('POST', 'AccountUserFederation', { accountId: ABC, userId: user, federationId: 'newcomer' });
    expect(fed.status, fed.text).toBe(200);
    const mine = results(await query('AccountUserRole', { operator: 'and', nestedExpression: [eq('accountId', ABC), eq('userId', user)] }));
    expect(mine).toHaveLength(1);
    expect((await call('DELETE', `AccountUserRole/${String(mine[0]!.id)}`)).status).toBe(200);
    const left = results(await query('AccountUserFederation', { operator: 'and', nestedExpression: [eq('accountId', ABC), eq('userId', user)] }));
    expect(left).toEqual([]);
  });
});

describe('roster profile (default) keeps its extensions and derived ids', () => {
  it('serves User and derived link ids', async () => {
    const r = await startTestPlatform({ seed: 'example' });
    try {
      expect((await r.api.query('User')).status).toBe(200);
      const links = results(await r.api.query('AccountGroupAccount'));
      expect(parseLinkId(String(links[0]!.id))).not.toBeNull();
    } finally {
      await r.stop();
    }
  });

  it("the vendor's behaviour \"a user who has never signed in cannot be added to an account group's users\" holds here too: the preview's warning comes true", async () => {
    // A data directory seeded on the vendor profile (ServUser3 never signed in), reopened on the
    // default one: its User record says so, the cache reads it, and the platform must agree.
    const dir = mkdtempSync(path.join(tmpdir(), 'roster-never-signed-in-'));
    try {
      await (await startTestPlatform({ seed: 'example', profile: 'vendor' }, dir)).stop();
      const r = await startTestPlatform({}, dir);
      try {
        const [, , u3, u4] = EXAMPLE.users;
        const add = { op: 'group.addUserRoles' as const, groupId: EXAMPLE.groups.services1, userIds: [u3, u4], roleIds: [BUILT_IN_ROLE_IDS['Browse Only']] };
        const cache = Object.assign(exampleSnapshot(), { User: results(await r.api.query('User')) });
        expect(neverSignedInOf(buildState(cache), [add]).map(neverSignedInWarning)).toEqual([
          "Serv User3 (ServUser3@boomi.com) has never signed in: the platform refuses to add a user who has never signed in to a group's users, " +
            'so their roles in “Services 1” will fail until they sign in; the rest of the plan applies.',
        ]);
        const link = (userId: string) => r.api.call('POST', 'AccountGroupUserRole', { accountGroupId: add.groupId, userId, roleId: add.roleIds[0] });
        const refused = await link(u3);
        expect(refused.status).toBe(400);
        expect((refused.body as Json).message).toMatch(/ServUser3@boomi\.com has never signed in/);
        // "The rest of the plan applies": a user who signed in joins.
        expect((await link(u4)).status).toBe(200);
      } finally {
        await r.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('vendor profile: malformed input is a 4xx with a message and changes nothing', () => {
  const scanAll: [string, string][] = [
    ['AccountGroup', 'id'], ['AccountGroupAccount', 'accountGroupId'], ['AccountGroupUserRole', 'accountGroupId'],
    ['AccountUserRole', 'accountId'], ['Role', 'name'], ['Account', 'ACCOUNTID'],
  ];
  const fingerprint = async (): Promise<string> => {
    const parts: unknown[] = [];
    for (const [type, property] of scanAll) parts.push((await p.api.scan(type, { operator: 'IS_NOT_NULL', property })).records);
    for (const g of Object.values(EXAMPLE.groups)) parts.push((await call('GET', `AccountGroup/${g}`)).body);
    return JSON.stringify(parts);
  };
  const refusedCleanly = async (send: () => Promise<{ status: number; body: unknown; text?: string }>, message: RegExp) => {
    const before = await fingerprint();
    const r = await send();
    expect(r.status, r.text ?? JSON.stringify(r.body)).toBe(400);
    expect(r.body).toMatchObject({ '@type': 'Error', message: expect.stringMatching(message) });
    expect(await fingerprint()).toBe(before);
  };

  it.each<[string, string]>([
    ['GET', 'AccountGroup/%E0%A4%A'],
    ['GET', 'Role/%ff'],
    ['GET', 'Account/a%ED%A0%80b'],
    ['GET', 'AccountGroup/a%ED%A0%80b'],
    ['POST', 'AccountGroup/%ff'],
    ['DELETE', 'AccountGroupAccount/a%ED%A0%80b'],
    ['DELETE', 'AccountUserRole/%ff'],
  ])('an id that is not percent-encoded UTF-8 is a 400: %s %s', async (method, rel) => {
    await refusedCleanly(() => call(method, rel, method === 'POST' ? { name: 'Renamed' } : undefined), /the id in the URL .* is not valid percent-encoded UTF-8/);
  });

  it('a verb the vendor lacks is still a 405 whatever the id', async () => {
    expect((await call('DELETE', 'AccountGroup/%ff')).status).toBe(405);
  });

  it('a query nested 5,000 deep is a 400 on depth, checked before the spec validator recurses', async () => {
    const deep = `{"QueryFilter":{"expression":${'{"operator":"and","nestedExpression":['.repeat(5000)}${JSON.stringify(eq('name', 'x'))}${']}'.repeat(5000)}}}`;
    await refusedCleanly(() => p.api.call('POST', 'AccountGroup/query', deep, { contentType: 'application/json' }), /the body nests deeper than 64 levels/);
  });

  it('a body with NUL is refused before the spec validator sees it', async () => {
    await refusedCleanly(() => call('POST', 'AccountGroup', { name: 'a\u0000b' }), /NUL/);
  });

  it('POST /admin/import of a snapshot without a primary account is a 400', async () => {
    await refusedCleanly(
      () => adminCall(p, 'POST', 'import', { Account: [], AccountGroupAccount: [{ accountGroupId: 'g', accountId: 'a' }] }),
      /the snapshot has no primary account/,
    );
  });
});
