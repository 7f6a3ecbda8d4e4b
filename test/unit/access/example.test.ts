import { describe, expect, it } from 'vitest';
import { buildState, explain, reach, redundantDirectRoles, who } from '../../../shared/access';
import { ABC, DEF, GHI, JKL, U1, U2, U3, U4, direct, example, builtIn } from './fixtures';

describe('the seed 002 worked example, end to end', () => {
  const st = buildState(example());
  const names = (u: string, a: string) => explain(st, u, a).roles.map((r) => r.name);

  it('R8: ServUser1 has Standard User + Support on Doc ABC and Doc DEF', () => {
    for (const a of [ABC, DEF]) {
      expect(names(U1, a)).toEqual(['Standard User', 'Support']);
      expect(explain(st, U1, a)).toMatchObject({ canLogIn: true, via: 'group', cappedBy: null, ignored: [] });
    }
  });

  it('R8: ServUser1 has only Support on Doc GHI and Doc JKL', () => {
    for (const a of [GHI, JKL]) {
      expect(names(U1, a)).toEqual(['Support']);
      expect(explain(st, U1, a).privileges).toEqual(['DASHBOARD', 'EXECUTE', 'PROCESS_HISTORY', 'VIEW_RESULTS']);
    }
  });

  it('R7: ServUser3 and ServUser4 develop in GHI and JKL, and support ABC and DEF', () => {
    expect(names(U3, GHI)).toEqual(['Standard User', 'Support']);
    expect(names(U4, JKL)).toEqual(['Production Support', 'Standard User']);
    expect(names(U4, ABC)).toEqual(['Production Support']);
  });

  it('R6–R8: reach and who agree with explain', () => {
    const r = reach(st, U1);
    expect(r.map((x) => [x.accountId, x.roles]).sort()).toEqual([
      [ABC, ['Standard User', 'Support']], [DEF, ['Standard User', 'Support']], [GHI, ['Support']], [JKL, ['Support']],
    ].sort());
    for (const a of [ABC, DEF, GHI, JKL]) {
      for (const w of who(st, a)) expect(w.roles).toEqual(names(w.userId, a));
      expect(who(st, a).map((w) => w.userId)).toEqual([U1, U2, U3, U4]);
    }
  });

  it('R9: a direct role already given by a group is reported as redundant', () => {
    const s = direct(direct(example(), ABC, U1, builtIn('Standard User')), GHI, U2, builtIn('Administrator'));
    const report = redundantDirectRoles(buildState(s));
    expect(report).toEqual([
      { userId: U1, accountId: ABC, roleId: builtIn('Standard User'), role: 'Standard User', coveredBy: [{ groupId: expect.any(String), name: 'Services 1' }] },
    ]);
  });
});

describe('view queries', () => {
  it('R7: users in group, accounts in group and groups of an account, on an optimistic state too', async () => {
    const { applyOps } = await import('../../../shared/plans');
    const { accountsInGroup, groupsOf, groupsOfAccount, usersInGroup } = await import('../../../shared/access');
    const st = buildState(example());
    expect(groupsOf(st).map((g) => g.name).sort()).toEqual(['All Accounts', 'Services 1', 'Services 2']);
    const s1 = groupsOf(st).find((g) => g.name === 'Services 1')!.id;
    expect(accountsInGroup(st, s1).sort()).toEqual([ABC, DEF].sort());
    expect(usersInGroup(st, s1).map((u) => [u.userId, u.roles])).toEqual([[U1, ['Standard User']], [U2, ['Standard User']]]);
    const after = applyOps(st, [{ op: 'group.addAccounts', groupId: s1, accountIds: [GHI] }]).state;
    expect(groupsOfAccount(after, GHI)).toContain(s1);
    expect(groupsOfAccount(st, GHI)).not.toContain(s1);
  });
});
