import { describe, expect, it } from 'vitest';
import { explain } from '../../../shared/access';
import { whatIf } from '../../../shared/plans';
import { applyOps } from '../../../shared/plans';
import { ABC, DEF, G, GHI, PRIMARY, U1, U2, U3, account, customRole, direct, example, plan, shareInSnapshot, state } from './fixtures';

/** Deployer shared with Services 1 and assigned directly to U3 in ABC and U2 in DEF. */
const sharedDeployer = () => {
  const s = example();
  const role = customRole(s);
  shareInSnapshot(s, G.services1, role);
  direct(s, ABC, U3, role.id);
  direct(s, DEF, U2, role.id);
  return { s, role };
};

describe('roles (R14–R21)', () => {
  it('R14: built-in roles cannot be deleted', () => {
    const s = example();
    const w = whatIf(state(s), plan(s, [{ op: 'role.delete', role: 'Support' }]));
    expect(w.refused[0]?.reason).toMatch(/^R14: /);
  });

  it('R15: sharing a custom role needs AUS on the primary, and only custom roles of the primary are shared', () => {
    const s = example();
    customRole(s);
    customRole(s, 'Foreign', ['DASHBOARD'], ABC);
    const ok = whatIf(state(s), plan(s, [{ op: 'group.shareResources', group: 'Services 1', resources: [{ objectType: 'Role', resourceId: 'Deployer' }] }]));
    expect(ok.refused).toEqual([]);
    const builtInShare = whatIf(state(s), plan(s, [{ op: 'group.shareResources', group: 'Services 1', resources: [{ objectType: 'Role', resourceId: 'Support' }] }]));
    expect(builtInShare.refused[0]?.reason).toMatch(/^R15: .*built-in/);
    const foreign = whatIf(state(s), plan(s, [{ op: 'group.shareResources', group: 'Services 1', resources: [{ objectType: 'Role', resourceId: 'Foreign' }] }]));
    expect(foreign.refused[0]?.reason).toMatch(/^R15: /);
    account(s, PRIMARY).advancedUserSecurity = false;
    const noAus = whatIf(state(s), plan(s, [{ op: 'group.shareResources', group: 'Services 1', resources: [{ objectType: 'Role', resourceId: 'Deployer' }] }]));
    expect(noAus.refused[0]?.reason).toMatch(/R15\/R19: .*Advanced User Security/);
  });

  it('R15: a custom role can be assigned in a member account only once a group shares it there', () => {
    const s = example();
    customRole(s);
    const st = state(s);
    const before = whatIf(st, plan(s, [{ op: 'account.addUserRoles', account: ABC, users: [U3], roles: ['Deployer'] }]));
    expect(before.refused[0]?.reason).toMatch(/^R15: .*not shared/);
    const after = whatIf(st, plan(s, [
      { op: 'group.shareResources', group: 'Services 1', resources: [{ objectType: 'Role', resourceId: 'Deployer' }] },
      { op: 'account.addUserRoles', account: ABC, users: [U3], roles: ['Deployer'] },
    ]));
    expect(after.refused).toEqual([]);
    expect(after.gains).toEqual([{ userId: U3, accountId: ABC, roles: ['Deployer (shared)'], privileges: ['DEPLOY'], via: 'direct' }]);
    // R9: the new direct role displaces U3's group role (Support) on ABC.
    expect(after.losses).toEqual([{ userId: U3, accountId: ABC, roles: ['Support'], privileges: ['EXECUTE', 'PROCESS_HISTORY', 'VIEW_RESULTS'], via: 'group' }]);
  });

  it('R16: a shared role is shown as "Name (shared)" in member accounts and is never a Support Access Role', () => {
    const { s } = sharedDeployer();
    const e = explain(state(s), U3, ABC);
    expect(e.roles.map((r) => r.name)).toEqual(['Deployer (shared)']);
    const w = whatIf(state(s), plan(s, [{ op: 'account.setSupportAccessRole', account: ABC, role: 'Deployer' }]));
    expect(w.refused[0]?.reason).toMatch(/^R16: /);
  });

  it('R17: a shared role carries its live privileges to every holder', () => {
    const { s, role } = sharedDeployer();
    role.Privileges!.Privilege!.push({ name: 'BUILD' });
    const st = state(s);
    expect(explain(st, U3, ABC).privileges).toContain('BUILD');
    expect(explain(st, U2, DEF).privileges).toContain('BUILD');
  });

  it('R18: an account leaving a group takes the shared roles only that group gave', () => {
    const { s } = sharedDeployer();
    const w = whatIf(state(s), plan(s, [{ op: 'group.removeAccounts', group: 'Services 1', accounts: [ABC] }]));
    expect(w.losses.find((l) => l.userId === U3 && l.accountId === ABC)?.roles).toEqual(['Deployer (shared)']);
    // U3's direct access was only Deployer: after losing it, group roles (Support via All Accounts) apply.
    expect(w.lockedOut).toEqual([]);
  });

  it('R18: a role still shared with the account by another group stays', () => {
    const { s, role } = sharedDeployer();
    shareInSnapshot(s, G.all, role);
    const w = whatIf(state(s), plan(s, [{ op: 'group.removeAccounts', group: 'Services 1', accounts: [ABC] }]));
    expect(w.losses.find((l) => l.userId === U3)).toBeUndefined();
  });

  it('R19: member AUS off stops new assignments of shared roles but keeps existing ones', () => {
    const { s } = sharedDeployer();
    account(s, ABC).advancedUserSecurity = false;
    const st = state(s);
    expect(explain(st, U3, ABC).roles.map((r) => r.name)).toEqual(['Deployer (shared)']);
    const w = whatIf(st, plan(s, [{ op: 'account.addUserRoles', account: ABC, users: [U1], roles: ['Deployer'] }]));
    expect(w.refused[0]?.reason).toMatch(/^R19: /);
  });

  it('R19: switching AUS off through a plan changes nobody\'s access', () => {
    const { s } = sharedDeployer();
    const w = whatIf(state(s), plan(s, [{ op: 'account.setAdvancedUserSecurity', account: ABC, enabled: false }]));
    expect(w).toEqual({ gains: [], losses: [], lockedOut: [], leavesAccount: [], refused: [] });
  });

  it('R20: unsharing takes the role from every holder in the group\'s accounts and lists lock-outs', () => {
    const { s } = sharedDeployer();
    // U3 in GHI holds Deployer only through a group that does not share it: irrelevant here.
    s.User.push({ userId: 'solo@boomi.com' });
    direct(s, ABC, 'solo@boomi.com', 'role-deployer');
    const w = whatIf(state(s), plan(s, [{ op: 'group.unshareResources', group: 'Services 1', resources: [{ objectType: 'Role', resourceId: 'Deployer' }] }]));
    expect(w.losses.map((l) => `${l.userId}@${l.accountId}`).sort()).toEqual([`${U2}@${DEF}`, `${U3}@${ABC}`, `solo@boomi.com@${ABC}`].sort());
    expect(w.lockedOut).toEqual([{ userId: 'solo@boomi.com', accountId: ABC }]);
  });

  it('R21: a custom role held by anyone cannot be deleted, and the refusal names the holders', () => {
    const { s } = sharedDeployer();
    const w = whatIf(state(s), plan(s, [{ op: 'role.delete', role: 'Deployer' }]));
    expect(w.refused[0]?.reason).toMatch(/^R21: .*2 users.*ServUser2@boomi.com.*ServUser3@boomi.com/);
  });

  it('R21: a custom role held by nobody can be deleted, and stops being shared', () => {
    const s = example();
    const role = customRole(s);
    shareInSnapshot(s, G.services2, role);
    const { state: after, results } = applyOps(state(s), plan(s, [{ op: 'role.delete', role: 'Deployer' }]));
    expect(results[0]?.status).toBe('applied');
    expect(after.roles.has(role.id)).toBe(false);
    expect(after.groups.get(G.services2)?.Resources?.Resource).toEqual([]);
    expect(explain(after, U1, GHI).roles.map((r) => r.name)).toEqual(['Support']);
  });
});
