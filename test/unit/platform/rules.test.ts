import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountGroupAccountId, accountUserRoleId, partnerAccountAccessId } from '../../../shared/model';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { EXAMPLE } from '../../../shared/seeds/example';
import { eq, startTestPlatform, type Json, type Reply, type TestPlatform } from './helpers';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ seed: 'example' });
});
afterAll(async () => p?.stop());

const P = EXAMPLE.primary.accountId;
const [ABC, DEF, GHI, JKL] = EXAMPLE.accounts.map((a) => a.accountId) as [string, string, string, string];
const G = EXAMPLE.groups;
const U = EXAMPLE.users;

const ok = (r: Reply) => {
  expect(r.status, r.text).toBe(200);
  return r.body as Json;
};
const refused = (r: Reply, status: number, message: RegExp) => {
  expect(r.status, r.text).toBe(status);
  expect(r.body).toMatchObject({ '@type': 'Error', message: expect.stringMatching(message) });
};
const post = (path: string, body: unknown, account?: string) => p.api.call('POST', path, body, { account });
const setAccount = (id: string, body: Json) => post(`Account/${id}`, body);
const newRole = async (name: string) => String(ok(await post('Role', { name, Privileges: { Privilege: [{ name: 'DASHBOARD' }] } })).id);
const shareRoles = (group: string, roleIds: string[]) =>
  post(`AccountGroup/${group}`, { Resources: { Resource: roleIds.map((resourceId) => ({ objectType: 'Role', resourceId, resourceName: 'x' })) } });
const directRoles = async (accountId: string) =>
  ((ok(await p.api.query('AccountUserRole', eq('accountId', accountId))).result as Json[]) ?? []).map((r) => `${String(r.userId)}|${String(r.roleId)}`);

describe('R1 primary accounts only', () => {
  it('R1: a child account has no groups: every group operation on it is refused', async () => {
    ok(await post('AccountUserRole', { accountId: ABC, userId: p.user, roleId: BUILT_IN_ROLE_IDS.Administrator }));
    refused(await p.api.query('AccountGroup', undefined, ABC), 403, /not a primary account.*R1/);
    refused(await post('AccountGroup', { name: 'Child group' }, ABC), 403, /R1/);
    refused(await post('AccountGroupAccount', { accountGroupId: G.services1, accountId: DEF }, ABC), 403, /R1/);
    // The child still answers for its own account-level data.
    expect(ok(await p.api.query('Account', undefined, ABC)).numberOfResults).toBe(1);
  });

  it('R1: a primary account with the feature off has no groups', async () => {
    ok(await setAccount(P, { accountGroupsEnabled: false }));
    try {
      refused(await p.api.query('AccountGroup'), 403, /not enabled.*R1/);
    } finally {
      ok(await setAccount(P, { accountGroupsEnabled: true }));
    }
    expect(ok(await p.api.query('AccountGroup')).numberOfResults).toBe(3);
  });
});

describe('R2, R3 membership and All Accounts', () => {
  it('R2: the primary account is never a member of its own groups', async () => {
    refused(await post('AccountGroupAccount', { accountGroupId: G.services1, accountId: P }), 400, /R2/);
  });

  it('R3: All Accounts cannot be renamed, emptied, or made twice', async () => {
    refused(await post(`AccountGroup/${G.all}`, { name: 'Everything' }), 400, /cannot be renamed.*R3/);
    refused(await p.api.call('DELETE', `AccountGroupAccount/${accountGroupAccountId(G.all, ABC)}`), 400, /All Accounts.*R3/);
    refused(await post('AccountGroup', { name: 'Second default', defaultGroup: true }), 400, /R3/);
    ok(await post(`AccountGroup/${G.all}`, { name: 'All Accounts', autoSubscribeAlertLevel: 'warning' }));
  });

  it('R3: a new managed account joins All Accounts at once', async () => {
    const a = ok(await post('Account', { name: 'Doc MNO Company' }));
    const links = ok(await p.api.query('AccountGroupAccount', eq('accountId', String(a.accountId)))).result as Json[];
    expect(links.map((l) => l.accountGroupId)).toEqual([G.all]);
  });

  it('adding the same account twice is a 409, removing a missing link a 404', async () => {
    refused(await post('AccountGroupAccount', { accountGroupId: G.services1, accountId: ABC }), 409, /already exists/);
    refused(await p.api.call('DELETE', `AccountGroupAccount/${accountGroupAccountId(G.services1, JKL)}`), 404, /not found/);
  });

  it('there is no DELETE of a group (the vendor has none)', async () => {
    refused(await p.api.call('DELETE', `AccountGroup/${G.services1}`), 405, /does not support DELETE/);
  });
});

describe('users and roles', () => {
  it('a user must exist (have logged in) before joining a group', async () => {
    refused(await post('AccountGroupUserRole', { accountGroupId: G.services1, userId: 'ghost@nowhere.example', roleId: BUILT_IN_ROLE_IDS.Support }), 400, /does not exist.*logged in/);
    ok(await post('User', { userId: 'new.user@boomi.com', firstName: 'New', lastName: 'User' }));
    const link = ok(await post('AccountGroupUserRole', { accountGroupId: G.services1, userId: 'new.user@boomi.com', roleId: BUILT_IN_ROLE_IDS.Support }));
    expect(link).toMatchObject({ firstName: 'New', lastName: 'User' });
  });

  it('R14: built-in roles cannot be changed or deleted', async () => {
    refused(await post(`Role/${BUILT_IN_ROLE_IDS.Support}`, { name: 'Helpdesk' }), 403, /R14/);
    refused(await p.api.call('DELETE', `Role/${BUILT_IN_ROLE_IDS.Support}`), 403, /R14/);
  });

  it('R21: a role held by anyone cannot be deleted, and the refusal names the holders', async () => {
    const role = await newRole('Auditor');
    ok(await post('AccountUserRole', { accountId: P, userId: U[0], roleId: role }));
    refused(await p.api.call('DELETE', `Role/${role}`), 400, new RegExp(`${U[0]}.*R21`));
    ok(await p.api.call('DELETE', `AccountUserRole/${accountUserRoleId(P, U[0], role)}`));
    ok(await p.api.call('DELETE', `Role/${role}`));
    refused(await p.api.call('GET', `Role/${role}`), 404, /not found/);
  });
});

describe('sharing roles (R15, R18, R19, R20)', () => {
  it('R15: a custom role is assignable in a member account only once a group shares it', async () => {
    const role = await newRole('Shared Operator');
    refused(await post('AccountUserRole', { accountId: GHI, userId: U[2], roleId: role }), 400, /not shared.*R15/);
    ok(await shareRoles(G.services2, [role]));
    ok(await post('AccountUserRole', { accountId: GHI, userId: U[2], roleId: role }));
    // R16: the member account lists it as "(shared)" among its assignable roles.
    ok(await post('AccountUserRole', { accountId: GHI, userId: p.user, roleId: BUILT_IN_ROLE_IDS.Administrator }));
    const assignable = ok(await p.api.call('GET', 'getAssignableRoles', undefined, { account: GHI }));
    expect((assignable.Role as Json[]).map((r) => r.name)).toContain('Shared Operator (shared)');
    const primaryList = ok(await p.api.call('GET', 'getAssignableRoles'));
    expect((primaryList.Role as Json[]).map((r) => r.name)).toContain('Shared Operator');
  });

  it('R15: a custom role is given to users in a group only once that group shares it', async () => {
    const role = await newRole('Group Only Role');
    const body = { accountGroupId: G.services1, userId: U[0], roleId: role };
    refused(await post('AccountGroupUserRole', body), 400, /not shared with group "Services 1".*R15/);
    ok(await shareRoles(G.services1, [role]));
    ok(await post('AccountGroupUserRole', body));
  });

  it('R15/R19: with AUS off on the primary no new role can be shared; roles already shared stay', async () => {
    const kept = await newRole('Kept Role');
    const fresh = await newRole('Fresh Role');
    ok(await shareRoles(G.services1, [kept]));
    ok(await setAccount(P, { advancedUserSecurity: false }));
    try {
      refused(await shareRoles(G.services1, [kept, fresh]), 400, /Advanced User Security.*R15/);
      const g = ok(await post(`AccountGroup/${G.services1}`, { name: 'Services 1' }));
      expect(JSON.stringify(g.Resources)).toContain(kept);
    } finally {
      ok(await setAccount(P, { advancedUserSecurity: true }));
    }
  });

  it('R19: member AUS off: shared roles can no longer be assigned there, existing ones stay', async () => {
    const role = await newRole('Member AUS Role');
    ok(await shareRoles(G.services2, [role]));
    ok(await post('AccountUserRole', { accountId: GHI, userId: U[3], roleId: role }));
    ok(await setAccount(JKL, { advancedUserSecurity: false }));
    refused(await post('AccountUserRole', { accountId: JKL, userId: U[3], roleId: role }), 400, /R19/);
    expect(await directRoles(GHI)).toContain(`${U[3]}|${role}`);
  });

  it('R18: an account leaving a group loses the roles only that group shared', async () => {
    const onlyHere = await newRole('Only Services 1');
    const alsoAll = await newRole('Also All Accounts');
    ok(await shareRoles(G.services1, [onlyHere, alsoAll]));
    ok(await shareRoles(G.all, [alsoAll]));
    for (const r of [onlyHere, alsoAll]) ok(await post('AccountUserRole', { accountId: DEF, userId: U[1], roleId: r }));
    ok(await p.api.call('DELETE', `AccountGroupAccount/${accountGroupAccountId(G.services1, DEF)}`));
    const left = await directRoles(DEF);
    expect(left).not.toContain(`${U[1]}|${onlyHere}`);
    expect(left).toContain(`${U[1]}|${alsoAll}`);
  });

  it('R20: unsharing a role takes it from the users of the group’s accounts', async () => {
    const role = await newRole('Unshared Later');
    ok(await shareRoles(G.services1, [role]));
    ok(await post('AccountUserRole', { accountId: ABC, userId: U[0], roleId: role }));
    ok(await post('AccountGroupUserRole', { accountGroupId: G.services1, userId: U[1], roleId: role }));
    ok(await shareRoles(G.services1, []));
    expect(await directRoles(ABC)).not.toContain(`${U[0]}|${role}`);
    expect(ok(await p.api.query('AccountGroupUserRole', eq('roleId', role))).numberOfResults).toBe(0);
  });

  it('R20: a role another group still shares with the account stays when one group unshares it (as R18)', async () => {
    const role = await newRole('Shared Twice');
    ok(await shareRoles(G.services1, [role]));
    ok(await shareRoles(G.all, [role]));
    ok(await post('AccountUserRole', { accountId: ABC, userId: U[2], roleId: role }));
    ok(await post('AccountUserRole', { accountId: GHI, userId: U[3], roleId: role }));
    ok(await shareRoles(G.all, []));
    // ABC is in Services 1, which still shares it; GHI is in no group sharing it any more.
    expect(await directRoles(ABC)).toContain(`${U[2]}|${role}`);
    expect(await directRoles(GHI)).not.toContain(`${U[3]}|${role}`);
  });
});

describe('partner services (R25, R28)', () => {
  let service: string;
  const partnerUser = 'partner.user@boomi.com';
  const outsider = 'outsider@elsewhere.example';
  beforeAll(async () => {
    ok(await post('Entity', { id: 'entity-elsewhere', name: 'Elsewhere Ltd' }));
    ok(await post('User', { userId: partnerUser, entityId: EXAMPLE.entity.id }));
    ok(await post('User', { userId: outsider, entityId: 'entity-elsewhere' }));
    const s = ok(await post('PartnerService', { name: 'Managed care', partnerOrganisation: 'Acme', entityId: EXAMPLE.entity.id, accountIds: [ABC, DEF] }));
    service = String(s.id);
  });

  it('R25: only users of the service’s entity can be given access, only to its accounts', async () => {
    refused(await post('PartnerAccountAccess', { serviceId: service, accountId: ABC, userId: outsider }), 400, /R25/);
    refused(await post('PartnerAccountAccess', { serviceId: service, accountId: GHI, userId: partnerUser }), 400, /not shared by service/);
    ok(await post('PartnerAccountAccess', { serviceId: service, accountId: ABC, userId: partnerUser }));
    refused(await post('PartnerAccountAccess', { serviceId: service, accountId: ABC, userId: partnerUser }), 409, /already exists/);
  });

  it('R28: an account leaving the service takes its access with it; ending the service takes the rest', async () => {
    ok(await post('PartnerAccountAccess', { serviceId: service, accountId: DEF, userId: partnerUser }));
    ok(await post(`PartnerService/${service}`, { accountIds: [DEF] }));
    const after = (ok(await p.api.query('PartnerAccountAccess', eq('serviceId', service))).result as Json[]).map((a) => a.id);
    expect(after).toEqual([partnerAccountAccessId(service, DEF, partnerUser)]);
    ok(await p.api.call('DELETE', `PartnerService/${service}`));
    expect(ok(await p.api.query('PartnerAccountAccess', eq('serviceId', service))).numberOfResults).toBe(0);
  });
});

describe('concurrent writers', () => {
  it('racing creates of one link give one success and 409s, never a duplicate', async () => {
    const body = { accountGroupId: G.services2, userId: U[0], roleId: BUILT_IN_ROLE_IDS['Browse Only'] };
    const replies = await Promise.all(Array.from({ length: 12 }, () => post('AccountGroupUserRole', body)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array(11).fill(409)]);
    const rows = ok(await p.api.query('AccountGroupUserRole', { operator: 'and', nestedExpression: [eq('accountGroupId', G.services2), eq('userId', U[0])] }));
    expect(rows.numberOfResults).toBe(1);
  });
});
