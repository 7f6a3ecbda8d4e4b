import { describe, expect, it } from 'vitest';
import { applyOps, resolvePlanFile } from '../../../shared/plans';
import { buildState } from '../../../shared/access';
import type { Snapshot } from '../../../shared/model';
import { ABC, G, GHI, U1, example, customRole } from '../access/fixtures';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';

describe('plan files (DESIGN.md "Plan files")', () => {
  it('resolves groups by name, roles by name and users by e-mail into ids', () => {
    const r = resolvePlanFile(example(), { plan: [
      { op: 'group.addUserRoles', group: 'services 1', users: ['SERVUSER1@boomi.com'], roles: ['Standard User', BUILT_IN_ROLE_IDS.Support] },
      { op: 'account.setSupportAccessRole', account: ABC, role: null },
    ] });
    expect(r).toEqual({ ok: true, ops: [
      { op: 'group.addUserRoles', groupId: G.services1, userIds: [U1], roleIds: [BUILT_IN_ROLE_IDS['Standard User'], BUILT_IN_ROLE_IDS.Support] },
      { op: 'account.setSupportAccessRole', accountId: ABC, roleId: null },
    ] });
  });

  it('accepts every op of the DESIGN.md example with its exact field names', () => {
    const s = example();
    customRole(s);
    s.PartnerService.push({ id: 'svc', name: 'S', partnerOrganisation: 'P', entityId: 'e', accountIds: [GHI] });
    const r = resolvePlanFile(s, { plan: [
      { op: 'group.create', name: 'Services 3' },
      { op: 'group.rename', group: 'Services 3', name: 'Services North' },
      { op: 'group.addAccounts', group: 'Services North', accounts: [ABC] },
      { op: 'group.removeAccounts', group: 'Services 1', accounts: [ABC] },
      { op: 'group.addUserRoles', group: 'Services 1', users: [U1], roles: ['Standard User'] },
      { op: 'group.removeUserRoles', group: 'Services 1', users: [U1], roles: ['Support'] },
      { op: 'group.shareResources', group: 'Services 1', resources: [{ objectType: 'Role', resourceId: 'role-deployer' }] },
      { op: 'group.unshareResources', group: 'Services 1', resources: [{ objectType: 'Role', resourceId: 'role-deployer' }] },
      { op: 'account.addUserRoles', account: ABC, users: [U1], roles: ['Support'] },
      { op: 'account.removeUserRoles', account: ABC, users: [U1], roles: ['Support'] },
      { op: 'account.setSupportAccessRole', account: ABC, role: 'Support' },
      { op: 'role.delete', role: 'Deployer' },
      { op: 'partner.grant', service: 'svc', accounts: [GHI], users: [U1] },
      { op: 'partner.revoke', service: 'svc', accounts: [GHI], users: [U1] },
    ] });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.ops.map((o) => o.op)).toHaveLength(14);
    // A group created in the plan is referred to by its provisional id, also after a rename.
    expect(r.ops[1]).toEqual({ op: 'group.rename', groupId: 'new:Services 3', name: 'Services North' });
    expect(r.ops[2]).toMatchObject({ op: 'group.addAccounts', groupId: 'new:Services 3' });
    expect(r.ops[0]).toEqual({ op: 'group.create', name: 'Services 3', accountId: 'documentation-7QK2DN' });
  });

  it('R16: a role may be named with its " (shared)" suffix', () => {
    const s = example();
    customRole(s);
    const r = resolvePlanFile(s, { plan: [{ op: 'role.delete', role: 'Deployer (shared)' }] });
    expect(r).toEqual({ ok: true, ops: [{ op: 'role.delete', roleId: 'role-deployer' }] });
  });

  describe('role.delete applied again after the role is gone (DESIGN.md: applying a plan is idempotent)', () => {
    const gone = () => example(); // the same platform once an earlier run deleted Deployer
    const withDeployer = () => {
      const s = example();
      customRole(s);
      return s;
    };

    it('with the role\'s id and name, a role no longer there resolves to its id, and applying it changes nothing', () => {
      const op = { op: 'role.delete', role: 'role-deployer', name: 'Deployer' };
      expect(resolvePlanFile(withDeployer(), { plan: [op] })).toEqual({ ok: true, ops: [{ op: 'role.delete', roleId: 'role-deployer' }] });
      const again = resolvePlanFile(gone(), { plan: [op] });
      expect(again).toEqual({ ok: true, ops: [{ op: 'role.delete', roleId: 'role-deployer' }] });
      const st = buildState(gone());
      const { results } = applyOps(st, again.ok ? again.ops : []);
      expect(results.map((x) => x.status)).toEqual(['unchanged']);
    });

    it('a slip in the id or the name is caught by the other, never taken for "already deleted"', () => {
      const errors = (s: Snapshot, op: object) => {
        const r = resolvePlanFile(s, { plan: [{ op: 'role.delete', ...op }] });
        return r.ok ? [] : r.errors;
      };
      // A mistyped id for a role that is there under the name.
      expect(errors(withDeployer(), { role: 'role-deploer', name: 'Deployer' })).toEqual([
        'plan.0 (role.delete): role "role-deploer" does not exist, but a role named "Deployer" does (id role-deployer); check the plan\'s id',
      ]);
      // An id that exists, with another role's name.
      expect(errors(withDeployer(), { role: 'role-deployer', name: 'Support' })).toEqual([
        'plan.0 (role.delete): role "role-deployer" is named "Deployer", not "Support"; check the plan',
      ]);
    });

    it('one word (id or name) that no role has stays "unknown role", saying how to make the op re-appliable', () => {
      for (const role of ['Deployer', 'role-deployer']) {
        const r = resolvePlanFile(gone(), { plan: [{ op: 'role.delete', role }] });
        expect(r).toEqual({ ok: false, errors: [
          `plan.0 (role.delete): unknown role "${role}": no role has this id or name; if an earlier run deleted it, give the role's id as "role" and its "name" so that a re-run reports it unchanged`,
        ] });
      }
    });
  });

  it('reports every unknown name with its place', () => {
    const r = resolvePlanFile(example(), { plan: [
      { op: 'group.addUserRoles', group: 'Nope', users: ['ghost@x.com'], roles: ['Wizard'] },
      { op: 'group.addAccounts', group: 'Services 1', accounts: ['no-such-account'] },
    ] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'plan.0 (group.addUserRoles): unknown group "Nope"',
      'plan.0 (group.addUserRoles): unknown user "ghost@x.com": Roster has never seen this user id; check the spelling (a new user is confirmed in an account.addUserRoles op\'s "newUsers")',
      'plan.0 (group.addUserRoles): unknown role "Wizard"',
      'plan.1 (group.addAccounts): unknown account "no-such-account"',
    ]);
  });

  it('refuses malformed files: unknown ops, unknown fields, missing lists, long names', () => {
    const bad = (plan: unknown) => resolvePlanFile(example(), plan);
    expect(bad({ ops: [] }).ok).toBe(false);
    expect(bad({ plan: [{ op: 'group.delete', group: 'Services 1' }] }).ok).toBe(false);
    expect(bad({ plan: [{ op: 'group.create', name: 'x', colour: 'red' }] }).ok).toBe(false);
    expect(bad({ plan: [{ op: 'group.addAccounts', group: 'Services 1', accounts: [] }] }).ok).toBe(false);
    const long = bad({ plan: [{ op: 'group.create', name: 'x'.repeat(256) }] });
    expect(long.ok ? [] : long.errors[0]).toMatch(/plan\.0\.name: .*255/);
  });

  it('refuses text the platform refuses (NUL, a lone surrogate) in names, group and role refs and account ids, with its place', () => {
    const NUL = 'Services\u0000North';
    const LONE = 'Services \udc00North';
    const r = resolvePlanFile(example(), { plan: [
      { op: 'group.create', name: NUL },
      { op: 'group.create', name: LONE },
      { op: 'group.rename', group: 'Services 1', name: 'ok\ud800' },
      { op: 'group.addAccounts', group: NUL, accounts: [ABC] },
      { op: 'role.delete', role: 'Support', name: LONE },
      { op: 'account.setSupportAccessRole', account: `${ABC}\u0000`, role: null },
    ] });
    expect(r.ok ? [] : r.errors).toEqual([
      'plan.0.name: contains a NUL character, which the platform refuses',
      'plan.1.name: contains a lone UTF-16 surrogate, which the platform refuses',
      'plan.2.name: contains a lone UTF-16 surrogate, which the platform refuses',
      'plan.3.group: contains a NUL character, which the platform refuses',
      'plan.4.name: contains a lone UTF-16 surrogate, which the platform refuses',
      'plan.5.account: contains a NUL character, which the platform refuses',
    ]);
    // A surrogate pair is text: an emoji in a name passes.
    expect(resolvePlanFile(example(), { plan: [{ op: 'group.create', name: 'Services \u{1F680}' }] }).ok).toBe(true);
  });
});
