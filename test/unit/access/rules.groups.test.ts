import { describe, expect, it } from 'vitest';
import { explain } from '../../../shared/access';
import { whatIf } from '../../../shared/plans';
import { applyOps } from '../../../shared/plans';
import { ABC, G, GHI, PRIMARY, U1, account, example, plan, state } from './fixtures';

describe('accounts and account groups (R1–R5)', () => {
  it('R1: every group operation on an account without account groups is refused', () => {
    const s = example();
    account(s, PRIMARY).accountGroupsEnabled = false;
    const st = state(s);
    const ops = plan(s, [
      { op: 'group.create', name: 'Services 3' },
      { op: 'group.addAccounts', group: 'Services 1', accounts: [GHI] },
      { op: 'group.rename', group: 'Services 1', name: 'Renamed' },
    ]);
    const w = whatIf(st, ops);
    expect(w.refused.map((r) => r.op)).toEqual(['group.create', 'group.addAccounts', 'group.rename']);
    for (const r of w.refused) expect(r.reason).toMatch(/^R1: .*account groups/);
    expect(w.gains).toEqual([]);
  });

  it('R2: the primary account is never a member of its own groups', () => {
    const s = example();
    const w = whatIf(state(s), plan(s, [{ op: 'group.addAccounts', group: 'Services 1', accounts: [PRIMARY] }]));
    expect(w.refused[0]?.reason).toMatch(/^R2: /);
  });

  it('R3: All Accounts cannot be renamed and accounts cannot leave it', () => {
    const s = example();
    const w = whatIf(state(s), plan(s, [
      { op: 'group.rename', group: 'All Accounts', name: 'Everything' },
      { op: 'group.removeAccounts', group: 'All Accounts', accounts: [ABC] },
    ]));
    expect(w.refused.map((r) => r.reason.slice(0, 3))).toEqual(['R3:', 'R3:']);
    expect(w.losses).toEqual([]);
  });

  it('R3: a refused op changes nothing, and the ops after it still apply', () => {
    const s = example();
    const st = state(s);
    const { state: after, results } = applyOps(st, plan(s, [
      { op: 'group.removeAccounts', group: 'All Accounts', accounts: [ABC] },
      { op: 'group.removeAccounts', group: 'Services 1', accounts: [ABC] },
    ]));
    expect(results.map((r) => r.status)).toEqual(['refused', 'applied']);
    expect(after.groupAccounts.has(G.all, ABC)).toBe(true);
    expect(after.groupAccounts.has(G.services1, ABC)).toBe(false);
    expect(st.groupAccounts.has(G.services1, ABC)).toBe(true);
  });

  it('R4: an account in many groups and a user in many groups, with one or more roles each', () => {
    const s = example();
    const st = state(s);
    expect(st.accountGroups.get(ABC)?.size).toBe(2);
    expect(st.userGroupRoles.get(U1)?.size).toBe(2);
    const after = applyOps(st, plan(s, [{ op: 'group.addUserRoles', group: 'Services 1', users: [U1], roles: ['Administrator'] }])).state;
    expect(explain(after, U1, ABC).roles.map((r) => r.name)).toEqual(['Administrator', 'Standard User', 'Support']);
  });

  it('R5: resources are reached through accounts, not held by users', () => {
    const s = example();
    s.Cloud.push({ id: 'cloud-1', name: 'Partner Cloud' });
    const st = state(s);
    const after = applyOps(st, plan(s, [{ op: 'group.shareResources', group: 'Services 1', resources: [{ objectType: 'Cloud', resourceId: 'cloud-1' }] }])).state;
    // A user gains no role or privilege from a shared resource.
    expect(explain(after, U1, ABC)).toEqual(explain(st, U1, ABC));
  });
});
