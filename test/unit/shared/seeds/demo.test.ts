import { describe, expect, it } from 'vitest';
import { buildState, explain, partnerServices, redundantDirectRoles } from '../../../../shared/access';
import { buildCatalogue } from '../../../../shared/access/catalogue';
import { parseSnapshot } from '../../../../shared/model';
import { DEMO, demoSnapshot } from '../../../../shared/seeds/demo';
import { EXAMPLE, exampleSnapshot } from '../../../../shared/seeds/example';
import { seedSnapshot } from '../../../../platform/setup';

/** The app's first run: seed 002 exactly, plus one of every other kind of record. */
describe('demo seed', () => {
  const demo = demoSnapshot();
  const ex = exampleSnapshot();
  const st = buildState(demo);
  const exSt = buildState(ex);

  it('is a valid snapshot, and --seed example stays exactly seed 002', () => {
    expect(parseSnapshot(demo).ok).toBe(true);
    expect(seedSnapshot('example')).toEqual(ex);
    expect(seedSnapshot('demo')).toEqual(demo);
  });

  it('keeps seed 002’s groups, their accounts and ServUser1–4’s roles exactly', () => {
    expect(demo.AccountGroup.map((g) => [g.id, g.name, g.defaultGroup])).toEqual(ex.AccountGroup.map((g) => [g.id, g.name, g.defaultGroup]));
    expect(demo.AccountGroupAccount).toEqual(ex.AccountGroupAccount);
    const servUsers = demo.AccountGroupUserRole.filter((r) => (EXAMPLE.users as readonly string[]).includes(r.userId));
    expect(servUsers).toEqual(ex.AccountGroupUserRole);
    for (const u of EXAMPLE.users) for (const a of EXAMPLE.accounts) {
      expect(explain(st, u, a.accountId).roles.map((r) => r.name)).toEqual(explain(exSt, u, a.accountId).roles.map((r) => r.name));
    }
  });

  it('R15/R16: custom roles, two shared with a group and listed “(shared)” in member accounts', () => {
    const custom = demo.Role.filter((r) => r.accountId === EXAMPLE.primary.accountId);
    expect(custom.map((r) => r.name)).toEqual(['Deployer', 'Auditor', 'Onboarding Lead']);
    const sharedRoles = demo.AccountGroup.flatMap((g) => g.Resources?.Resource ?? []).filter((r) => r.objectType === 'Role');
    expect(sharedRoles.map((r) => r.resourceName)).toEqual(['Deployer', 'Auditor']);
    const lena = explain(st, DEMO.customerUsers[0], EXAMPLE.accounts[0].accountId);
    expect(lena.roles.map((r) => r.name)).toContain('Deployer (shared)');
  });

  it('R22/R23: a cloud, a private and a public connector, a process, a pack and a model; only eligible ones are shared', () => {
    const cat = buildCatalogue(demo);
    const types = new Set(cat.map((c) => c.objectType));
    for (const t of ['Cloud', 'Connector', 'Role', 'Published Process', 'Integration Pack', 'Data Hub Model']) expect(types).toContain(t);
    const shared = demo.AccountGroup.flatMap((g) => g.Resources?.Resource ?? []).map((r) => r.resourceId);
    expect(shared).not.toContain(DEMO.connectorPublic);
  });

  it('R19: Advanced User Security is off on one member account and on elsewhere', () => {
    const aus = demo.Account.filter((a) => a.parentAccountId).map((a) => a.advancedUserSecurity);
    expect(aus).toContain(false);
    expect(aus).toContain(true);
  });

  it('R9: the redundant-direct-access report has a row to fix', () => {
    expect(redundantDirectRoles(st).map((r) => [r.userId, r.role])).toEqual([[DEMO.partnerUser, 'Support']]);
  });

  it('R25–R29: a partner service with accounts and users who hold access', () => {
    const rows = partnerServices(st);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Acme Managed Integration', partnerOrganisation: 'Acme Group', accounts: 2 });
    expect(demo.PartnerAccountAccess.length).toBeGreaterThan(0);
  });
});
