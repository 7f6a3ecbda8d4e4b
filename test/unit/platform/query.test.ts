import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from '../../../shared/seeds/example';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { eq, startTestPlatform, type Json, type TestPlatform } from './helpers';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ seed: 'example' });
});
afterAll(async () => p?.stop());

const names = (r: { body: unknown }) => ((r.body as { result?: Json[] }).result ?? []).map((x) => x.name).sort();
const accountNames = (r: { body: unknown }) => ((r.body as { result?: Json[] }).result ?? []).map((x) => x.name).sort();

describe('QUERY filter grammar', () => {
  it('empty filter returns every record of the tenant', async () => {
    const r = await p.api.query('AccountGroup');
    expect(r.status).toBe(200);
    expect(names(r)).toEqual(['All Accounts', 'Services 1', 'Services 2']);
    expect((r.body as Json).numberOfResults).toBe(3);
  });

  it.each([
    ['EQUALS', ['Services 1'], ['Services 1']],
    ['NOT_EQUALS', ['Services 1'], ['All Accounts', 'Services 2']],
    ['LIKE', ['Services%'], ['Services 1', 'Services 2']],
    ['CONTAINS', ['Acc'], ['All Accounts']],
    ['NOT_CONTAINS', ['Services'], ['All Accounts']],
    ['STARTS_WITH', ['Serv'], ['Services 1', 'Services 2']],
    ['GREATER_THAN', ['Services 1'], ['Services 2']],
    ['GREATER_THAN_OR_EQUAL', ['Services 1'], ['Services 1', 'Services 2']],
    ['LESS_THAN', ['Services 1'], ['All Accounts']],
    ['LESS_THAN_OR_EQUAL', ['Services 1'], ['All Accounts', 'Services 1']],
    ['BETWEEN', ['B', 'Services 1'], ['Services 1']],
  ])('%s on name', async (operator, argument, expected) => {
    const r = await p.api.query('AccountGroup', { operator, property: 'name', argument });
    expect(r.status).toBe(200);
    expect(names(r)).toEqual(expected);
  });

  it('IS_NULL and IS_NOT_NULL', async () => {
    const isNull = await p.api.query('Account', { operator: 'IS_NULL', property: 'PARENTACCOUNTID' });
    expect(accountNames(isNull)).toEqual(['Documentation']);
    const notNull = await p.api.query('Account', { operator: 'IS_NOT_NULL', property: 'PARENTACCOUNTID' });
    expect(accountNames(notNull)).toHaveLength(4);
  });

  it('booleans compare as the vendor writes them', async () => {
    const r = await p.api.query('AccountGroup', eq('defaultGroup', 'true'));
    expect(names(r)).toEqual(['All Accounts']);
  });

  it("Account properties are upper case in the vendor's spec and matched case-insensitively", async () => {
    expect(accountNames(await p.api.query('Account', eq('NAME', 'Doc ABC Company')))).toEqual(['Doc ABC Company']);
    expect(accountNames(await p.api.query('Account', eq('name', 'Doc ABC Company')))).toEqual(['Doc ABC Company']);
  });

  it('nested and/or groups', async () => {
    const r = await p.api.query('AccountGroupUserRole', {
      operator: 'and',
      nestedExpression: [
        eq('accountGroupId', EXAMPLE.groups.all),
        { operator: 'or', nestedExpression: [eq('userId', EXAMPLE.users[0]), eq('userId', EXAMPLE.users[3])] },
      ],
    });
    const rows = (r.body as { result: Json[] }).result;
    expect(rows.map((x) => [x.userId, x.roleId])).toEqual([
      [EXAMPLE.users[0], BUILT_IN_ROLE_IDS.Support],
      [EXAMPLE.users[3], BUILT_IN_ROLE_IDS['Production Support']],
    ]);
  });

  it('accepts the vendor clients’ @type on the config and expressions', async () => {
    const r = await p.api.call('POST', 'AccountGroup/query', {
      '@type': 'QueryConfig',
      QueryFilter: { '@type': 'QueryFilter', expression: { '@type': 'SimpleExpression', ...eq('name', 'Services 2') } },
    });
    expect(names(r)).toEqual(['Services 2']);
  });

  it.each([
    [{ operator: 'EQUALS', property: 'colour', argument: ['x'] }, /cannot be queried by "colour"/],
    [{ operator: 'SOUNDS_LIKE', property: 'name', argument: ['x'] }, /unknown operator/],
    [{ operator: 'EQUALS', property: 'name', argument: [] }, /takes 1 argument/],
    [{ operator: 'BETWEEN', property: 'name', argument: ['a'] }, /takes 2 argument/],
    [{ operator: 'and', nestedExpression: 'x' }, /nestedExpression/],
  ])('refuses a bad filter with a clear 400 (%j)', async (expression, message) => {
    const r = await p.api.query('AccountGroup', expression);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ '@type': 'Error' });
    expect((r.body as Json).message).toMatch(message);
  });

  it('refuses a body that is not JSON', async () => {
    const r = await p.api.call('POST', 'AccountGroup/query', '{nope', { contentType: 'application/json' });
    expect(r.status).toBe(400);
  });
});

describe('queryMore tokens', () => {
  it('refuses a forged token with 400', async () => {
    const r = await p.api.call('POST', 'AccountGroup/queryMore', 'eyJ0eXBlIjoiQWNjb3VudEdyb3VwIn0.bm90LWEtc2lnbmF0dXJl');
    expect(r.status).toBe(400);
    expect((r.body as Json).message).toMatch(/not valid/);
  });

  it('refuses an empty token with 400', async () => {
    const r = await p.api.call('POST', 'AccountGroup/queryMore', ' ');
    expect(r.status).toBe(400);
  });
});

describe('verbs exactly where the vendor has them', () => {
  it.each([
    ['GET', `AccountGroupAccount/x`, 405, /does not support GET/],
    ['POST', `AccountGroupUserRole/x`, 405, /does not support UPDATE/],
    ['DELETE', `Account/${EXAMPLE.accounts[0].accountId}`, 405, /does not support DELETE/],
    ['POST', 'Cloud', 405, /does not support CREATE/],
    ['POST', 'Widget/query', 410, /no longer exists: unknown object type "Widget"/],
    ['PUT', 'AccountGroup/x', 404, /no such endpoint/],
  ])('%s %s → %i', async (method, rel, status, message) => {
    const r = await p.api.call(method, rel, method === 'POST' ? {} : undefined);
    expect(r.status).toBe(status);
    expect((r.body as Json).message).toMatch(message);
  });

  it('bulk GET takes at most 100 ids and only type GET', async () => {
    const many = await p.api.call('POST', 'AccountGroup/bulk', { type: 'GET', request: Array.from({ length: 101 }, (_, i) => ({ id: `g${i}` })) });
    expect(many.status).toBe(400);
    expect((many.body as Json).message).toMatch(/at most 100/);
    const del = await p.api.call('POST', 'AccountGroup/bulk', { type: 'DELETE', request: [{ id: EXAMPLE.groups.services1 }] });
    expect(del.status).toBe(400);
  });
});
