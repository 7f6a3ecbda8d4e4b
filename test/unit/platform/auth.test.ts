import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountGroupAccountId, accountGroupUserRoleId, accountUserRoleId } from '../../../shared/model';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { EXAMPLE } from '../../../shared/seeds/example';
import { basic, makeClient, startTestPlatform, tokenAuth, type Client, type Json, type TestPlatform } from './helpers';
import { addOtherTenant, adminCall, OTHER } from './tenants';

let p: TestPlatform;
let bob: Client;
beforeAll(async () => {
  p = await startTestPlatform({ seed: 'example' });
  bob = makeClient(p, tokenAuth(OTHER.admin, await addOtherTenant(p)), OTHER.primary);
});
afterAll(async () => p?.stop());

const A = EXAMPLE.primary.accountId;

describe('authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong token', tokenAuth('admin@roster.local', 'wrong-token')],
    ['a token of another user', tokenAuth(EXAMPLE.users[0], 'x'.repeat(20))],
    ['a password where none is set', basic('admin@roster.local', 'whatever-password')],
    ['not Basic at all', 'Bearer abc'],
    ['garbage Basic', 'Basic !!!'],
  ])('refuses %s with 401 and an Error body', async (_what, auth) => {
    const r = await p.api.call('POST', 'AccountGroup/query', {}, { auth });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ '@type': 'Error', message: expect.stringMatching(/authentication failed/) });
  });

  it('accepts a password set through the admin endpoint, and a revoked token stops working', async () => {
    expect((await adminCall(p, 'POST', 'passwords', { user: p.user, password: 'correct horse battery' })).status).toBe(200);
    const pw = await p.api.call('POST', 'Role/query', {}, { auth: basic(p.user, 'correct horse battery') });
    expect(pw.status).toBe(200);
    const extra = await adminCall(p, 'POST', 'tokens', { user: p.user });
    const auth = tokenAuth(p.user, String(extra.body.token));
    expect((await p.api.call('POST', 'Role/query', {}, { auth })).status).toBe(200);
    expect((await adminCall(p, 'DELETE', 'tokens', { user: p.user, token: extra.body.token })).body.revoked).toBe(1);
    expect((await p.api.call('POST', 'Role/query', {}, { auth })).status).toBe(401);
  });

  it('refuses a user without the API privilege with 403', async () => {
    // ServUser1 holds Standard User + Support through groups: no API privilege (R7, R8).
    const tok = await adminCall(p, 'POST', 'tokens', { user: EXAMPLE.users[0] });
    const r = await p.api.call('POST', 'AccountGroup/query', {}, { auth: tokenAuth(EXAMPLE.users[0], String(tok.body.token)), account: EXAMPLE.accounts[0].accountId });
    expect(r.status).toBe(403);
    expect((r.body as Json).message).toMatch(/API privilege/);
  });
});

describe('tenant isolation: every cross-account attempt is refused', () => {
  const otherLink = accountGroupAccountId(OTHER.groups.services1, OTHER.accounts[0]!);
  const otherAur = accountUserRoleId(OTHER.primary, OTHER.admin, BUILT_IN_ROLE_IDS.Administrator);
  const attempts: [string, () => Promise<{ status: number }>][] = [
    ['A queries at B’s URL', () => p.api.query('AccountGroup', undefined, OTHER.primary)],
    ['A reads B’s account by id', () => p.api.call('GET', `Account/${OTHER.primary}`)],
    ['A reads B’s group by id', () => p.api.call('GET', `AccountGroup/${OTHER.groups.all}`)],
    ['A renames B’s group', () => p.api.call('POST', `AccountGroup/${OTHER.groups.services1}`, { name: 'Mine now' })],
    ['A adds its account to B’s group', () => p.api.call('POST', 'AccountGroupAccount', { accountGroupId: OTHER.groups.services1, accountId: EXAMPLE.accounts[0].accountId })],
    ['A adds B’s account to its group', () => p.api.call('POST', 'AccountGroupAccount', { accountGroupId: EXAMPLE.groups.services1, accountId: OTHER.accounts[2] })],
    ['A removes an account from B’s group', () => p.api.call('DELETE', `AccountGroupAccount/${otherLink}`)],
    ['A puts a user in B’s group', () => p.api.call('POST', 'AccountGroupUserRole', { accountGroupId: OTHER.groups.services1, userId: EXAMPLE.users[0], roleId: BUILT_IN_ROLE_IDS.Support })],
    ['A removes B’s admin role', () => p.api.call('DELETE', `AccountUserRole/${otherAur}`)],
    ['A gives itself a role on B’s account', () => p.api.call('POST', 'AccountUserRole', { accountId: OTHER.accounts[0], userId: p.user, roleId: BUILT_IN_ROLE_IDS.Administrator })],
    ['A creates a group at B’s URL', () => p.api.call('POST', 'AccountGroup', { name: 'Intruder' }, { account: OTHER.primary })],
    ['B queries at A’s URL', () => bob.query('AccountGroupUserRole', undefined, A)],
    ['B deletes A’s link from its own URL', () => bob.call('DELETE', `AccountGroupUserRole/${accountGroupUserRoleId(EXAMPLE.groups.services1, EXAMPLE.users[0], BUILT_IN_ROLE_IDS['Standard User'])}`)],
  ];
  it.each(attempts)('%s → 403', async (_what, attempt) => {
    const r = (await attempt()) as { status: number; body?: unknown };
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ '@type': 'Error' });
  });

  it('the same calls on their own tenant succeed (so the 403s above are about the tenant)', async () => {
    expect((await bob.call('GET', `AccountGroup/${OTHER.groups.all}`)).status).toBe(200);
    expect((await p.api.call('GET', `AccountGroup/${EXAMPLE.groups.all}`)).status).toBe(200);
    expect((await bob.call('DELETE', `AccountGroupAccount/${otherLink}`)).status).toBe(200);
  });

  it('bulk GET of another tenant’s ids gives 403 per item and no content', async () => {
    const r = await p.api.call('POST', 'AccountGroup/bulk', { type: 'GET', request: [{ id: OTHER.groups.all }, { id: EXAMPLE.groups.all }, { id: 'nope' }] });
    const items = (r.body as { response: Json[] }).response;
    expect(items.map((i) => i.statusCode)).toEqual([403, 200, 404]);
    expect(items[0]!.Result).toEqual({ '@type': 'AccountGroup', id: OTHER.groups.all });
  });

  it('each tenant sees only its own records', async () => {
    const mine = (await p.api.scan('Account')).records.map((a) => a.accountId);
    const theirs = (await bob.scan('Account')).records.map((a) => a.accountId);
    expect(mine).toHaveLength(5);
    expect(theirs).toEqual([OTHER.primary, ...OTHER.accounts]);
    expect(mine.some((a) => theirs.includes(a))).toBe(false);
  });
});

describe('privileges', () => {
  it('changing account groups needs ACCOUNT_ADMIN besides API', async () => {
    // A custom role with API only, held directly on the primary.
    const role = await p.api.call('POST', 'Role', { name: 'API reader', Privileges: { Privilege: [{ name: 'API' }] } });
    expect(role.status).toBe(200);
    const user = 'reader@roster.local';
    expect((await p.api.call('POST', 'User', { userId: user })).status).toBe(200);
    expect((await p.api.call('POST', 'AccountUserRole', { accountId: A, userId: user, roleId: (role.body as Json).id })).status).toBe(200);
    const tok = await adminCall(p, 'POST', 'tokens', { user });
    const reader = makeClient(p, tokenAuth(user, String(tok.body.token)));
    expect((await reader.query('AccountGroup')).status).toBe(200);
    const w = await reader.call('POST', 'AccountGroup', { name: 'Not allowed' });
    expect(w.status).toBe(403);
    expect((w.body as Json).message).toMatch(/ACCOUNT_ADMIN/);
  });

  it('R9/R10: group-only access is capped by the account’s Support Access Role; a direct role is not', async () => {
    const acct = EXAMPLE.accounts[1].accountId;
    const user = 'group.admin@roster.local';
    expect((await p.api.call('POST', 'User', { userId: user })).status).toBe(200);
    expect((await p.api.call('POST', 'AccountGroupUserRole', { accountGroupId: EXAMPLE.groups.services1, userId: user, roleId: BUILT_IN_ROLE_IDS.Administrator })).status).toBe(200);
    const tok = await adminCall(p, 'POST', 'tokens', { user });
    const groupAdmin = makeClient(p, tokenAuth(user, String(tok.body.token)), acct);
    expect((await groupAdmin.query('Account')).status).toBe(200);
    expect((await p.api.call('POST', `Account/${acct}`, { supportAccessRoleId: BUILT_IN_ROLE_IDS.Support })).status).toBe(200);
    const capped = await groupAdmin.query('Account');
    expect(capped.status).toBe(403);
    expect((capped.body as Json).message).toMatch(/API privilege/);
    expect((await p.api.call('POST', 'AccountUserRole', { accountId: acct, userId: user, roleId: BUILT_IN_ROLE_IDS.Administrator })).status).toBe(200);
    expect((await groupAdmin.query('Account')).status).toBe(200);
  });
});
