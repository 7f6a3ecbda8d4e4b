import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { startTestPlatform, type Json, type Reply, type TestPlatform } from './helpers';

// The project's own copy of the vendor's spec: a clone alone must pass its tests.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const spec = JSON.parse(readFileSync(path.join(repoRoot, 'platform', 'spec', 'boomi-openapi-subset.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
};
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec as object, 'boomi');

/** The 200 response schema the vendor's spec gives an operation (undefined: no body). */
const responseSchema = (op: string): unknown => {
  const [method, p] = op.split(' ') as [string, string];
  const o = spec.paths[p]?.[method.toLowerCase()];
  if (!o) throw new Error(`${op} is not in the spec`);
  const schema = o.responses['200']?.content?.['application/json']?.schema as { $ref?: string } | undefined;
  return schema?.$ref ? { $ref: `boomi${schema.$ref}` } : schema;
};

const specOps = Object.entries(spec.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`));

let p: TestPlatform;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
beforeAll(async () => {
  p = await startTestPlatform({ seed: 'partner' });
  for (const type of ['Account', 'AccountGroup', 'AccountGroupAccount', 'AccountGroupUserRole', 'AccountUserRole', 'Role', 'Cloud', 'IntegrationPack', 'AccountGroupIntegrationPack', 'AccountSSOConfig', 'User']) {
    const r = (await p.api.query(type)).body as { result: Json[]; queryToken?: string };
    const first = r.result.find((x) => !x.defaultGroup && x.accountId !== '1' && x.accountId !== p.accountId) ?? r.result[0]!;
    ids[type] = String(first.id ?? first.accountId ?? first.userId);
    if (r.queryToken) tokens[type] = r.queryToken;
  }
});
afterAll(async () => p?.stop());

const call = (method: string, rel: string, body?: unknown) => p.api.call(method, rel, body);
const q = (type: string) => call('POST', `${type}/query`, { QueryFilter: { expression: { operator: 'and', nestedExpression: [] } } });
const more = (type: string) => call('POST', `${type}/queryMore`, tokens[type]);
const bulk = (type: string) => call('POST', `${type}/bulk`, { type: 'GET', request: [{ id: ids[type] }, { id: 'does-not-exist' }] });
const member = () => ids.Account!;
const state: Record<string, string> = {};

/** One real call per operation of the spec, in an order where each finds what it needs. */
const CALLS: [string, () => Promise<Reply>][] = [
  ['GET /Account/{id}', () => call('GET', `Account/${member()}`)],
  ['POST /Account/bulk', () => bulk('Account')],
  ['POST /Account/query', () => q('Account')],
  ['POST /Account/queryMore', () => more('Account')],
  ['POST /AccountGroup', async () => {
    const r = await call('POST', 'AccountGroup', { '@type': 'AccountGroup', name: 'Contract group', autoSubscribeAlertLevel: 'none' });
    state.group = String((r.body as Json).id);
    return r;
  }],
  ['GET /AccountGroup/{id}', () => call('GET', `AccountGroup/${state.group}`)],
  ['POST /AccountGroup/{id}', () => call('POST', `AccountGroup/${state.group}`, { name: 'Contract group 2' })],
  ['POST /AccountGroup/bulk', () => bulk('AccountGroup')],
  ['POST /AccountGroup/query', () => q('AccountGroup')],
  ['POST /AccountGroupAccount', () => call('POST', 'AccountGroupAccount', { accountGroupId: state.group, accountId: member() })],
  ['POST /AccountGroupAccount/query', () => q('AccountGroupAccount')],
  ['POST /AccountGroupAccount/queryMore', () => more('AccountGroupAccount')],
  ['DELETE /AccountGroupAccount/{id}', async () => {
    const mine = await call('POST', 'AccountGroupAccount/query', { QueryFilter: { expression: { operator: 'EQUALS', property: 'accountGroupId', argument: [state.group] } } });
    return call('DELETE', `AccountGroupAccount/${String(((mine.body as { result: Json[] }).result[0]!).id)}`);
  }],
  ['POST /AccountGroupUserRole', async () => {
    const r = await call('POST', 'AccountGroupUserRole', { accountGroupId: state.group, userId: ids.User, roleId: BUILT_IN_ROLE_IDS.Support });
    state.agur = String((r.body as Json).id);
    return r;
  }],
  ['POST /AccountGroupUserRole/query', () => q('AccountGroupUserRole')],
  ['POST /AccountGroupUserRole/queryMore', () => more('AccountGroupUserRole')],
  ['DELETE /AccountGroupUserRole/{id}', () => call('DELETE', `AccountGroupUserRole/${state.agur}`)],
  ['POST /AccountSSOConfig/{id}', () => call('POST', `AccountSSOConfig/${member()}`, { enabled: true, idpUrl: 'https://idp.example.com/x' })],
  ['GET /AccountSSOConfig/{id}', () => call('GET', `AccountSSOConfig/${member()}`)],
  ['POST /AccountSSOConfig/bulk', () => call('POST', 'AccountSSOConfig/bulk', { type: 'GET', request: [{ id: member() }] })],
  ['DELETE /AccountSSOConfig/{id}', () => call('DELETE', `AccountSSOConfig/${member()}`)],
  ['POST /AccountUserFederation', async () => {
    const r = await call('POST', 'AccountUserFederation', { accountId: member(), userId: ids.User, federationId: 'fed-1' });
    state.fed = String((r.body as Json).id);
    return r;
  }],
  ['POST /AccountUserFederation/query', () => q('AccountUserFederation')],
  ['POST /AccountUserFederation/{id}', () => call('POST', `AccountUserFederation/${state.fed}`, { accountId: member(), userId: ids.User, federationId: 'fed-2' })],
  ['DELETE /AccountUserFederation/{id}', () => call('DELETE', `AccountUserFederation/${state.fed}`)],
  ['POST /AccountUserRole', async () => {
    const r = await call('POST', 'AccountUserRole', { accountId: member(), userId: ids.User, roleId: BUILT_IN_ROLE_IDS['Browse Only'] });
    state.aur = String((r.body as Json).id);
    return r.status === 409 ? call('POST', 'AccountUserRole', { accountId: member(), userId: ids.User, roleId: BUILT_IN_ROLE_IDS.Support }) : r;
  }],
  ['POST /AccountUserRole/query', () => q('AccountUserRole')],
  ['POST /AccountUserRole/queryMore', () => more('AccountUserRole')],
  ['DELETE /AccountUserRole/{id}', async () => {
    const mine = await call('POST', 'AccountUserRole/query', { QueryFilter: { expression: { operator: 'and', nestedExpression: [
      { operator: 'EQUALS', property: 'accountId', argument: [member()] }, { operator: 'EQUALS', property: 'userId', argument: [ids.User] }] } } });
    return call('DELETE', `AccountUserRole/${String(((mine.body as { result: Json[] }).result[0]!).id)}`);
  }],
  ['GET /Cloud/{id}', () => call('GET', `Cloud/${ids.Cloud}`)],
  ['POST /Cloud/bulk', () => bulk('Cloud')],
  ['POST /Cloud/query', () => q('Cloud')],
  ['GET /getAssignableRoles', () => call('GET', 'getAssignableRoles')],
  ['GET /IntegrationPack/{id}', () => call('GET', `IntegrationPack/${ids.IntegrationPack}`)],
  ['POST /IntegrationPack/bulk', () => bulk('IntegrationPack')],
  ['POST /IntegrationPack/query', () => q('IntegrationPack')],
  ['POST /Role', async () => {
    const r = await call('POST', 'Role', { '@type': 'Role', name: 'Contract role', Description: 'x', Privileges: { Privilege: [{ name: 'API' }] } });
    state.role = String((r.body as Json).id);
    return r;
  }],
  ['GET /Role/{id}', () => call('GET', `Role/${state.role}`)],
  ['POST /Role/{id}', () => call('POST', `Role/${state.role}`, { name: 'Contract role 2', Privileges: { Privilege: [{ name: 'DASHBOARD' }] } })],
  ['POST /Role/bulk', () => call('POST', 'Role/bulk', { type: 'GET', request: [{ id: state.role }, { id: BUILT_IN_ROLE_IDS.Support }] })],
  ['POST /Role/query', () => q('Role')],
  ['DELETE /Role/{id}', () => call('DELETE', `Role/${state.role}`)],
  ['POST /AccountGroupIntegrationPack', async () => {
    const r = await call('POST', 'AccountGroupIntegrationPack', { accountGroupId: state.group, integrationPackId: ids.IntegrationPack });
    state.agip = String((r.body as Json).id);
    return r;
  }],
  ['GET /AccountGroupIntegrationPack/{id}', () => call('GET', `AccountGroupIntegrationPack/${state.agip}`)],
  ['POST /AccountGroupIntegrationPack/bulk', () => call('POST', 'AccountGroupIntegrationPack/bulk', { type: 'GET', request: [{ id: state.agip }] })],
  ['POST /AccountGroupIntegrationPack/query', () => q('AccountGroupIntegrationPack')],
  ['DELETE /AccountGroupIntegrationPack/{id}', () => call('DELETE', `AccountGroupIntegrationPack/${state.agip}`)],
];

/** Types with fewer than 101 records in the partner tier: no second page to ask for. */
const NO_SECOND_PAGE = ['POST /AccountGroup/queryMore', 'POST /AccountUserFederation/queryMore', 'POST /Cloud/queryMore', 'POST /IntegrationPack/queryMore', 'POST /Role/queryMore', 'POST /AccountGroupIntegrationPack/queryMore'];

describe('contract: responses validate against the vendor OpenAPI subset', () => {
  it('covers every operation of the spec', () => {
    const covered = new Set([...CALLS.map(([op]) => op), ...NO_SECOND_PAGE]);
    expect(specOps.filter((op) => !covered.has(op))).toEqual([]);
  });

  it.each(CALLS)('%s', async (op, run) => {
    const r = await run();
    expect(r.status, r.text).toBe(200);
    const schema = responseSchema(op);
    if (!schema) {
      expect(r.text).toBe('');
      return;
    }
    const valid = ajv.validate(schema as object, r.body);
    expect(ajv.errorsText(ajv.errors), JSON.stringify(r.body).slice(0, 400)).toBe('No errors');
    expect(valid).toBe(true);
    const objects = JSON.stringify(r.body).match(/"@type"/g) ?? [];
    expect(objects.length).toBeGreaterThan(0);
  });

  it('queryMore answers with the same schema for the types that have second pages', () => {
    expect(Object.keys(tokens).sort()).toEqual(['Account', 'AccountGroupAccount', 'AccountGroupUserRole', 'AccountUserRole', 'User'].sort());
  });
});
