import { describe, expect, it } from 'vitest';
import { explain, reach, who } from '../../../shared/access';
import { whatIf } from '../../../shared/plans';
import { ABC, DEF, GHI, JKL, PRIMARY, U1, U2, U3, U4, account, builtIn, direct, example, plan, state } from './fixtures';

describe('how a user reaches an account (R6–R13)', () => {
  it('R6: direct roles on the account give direct access', () => {
    const s = direct(example(), ABC, 'new@boomi.com', builtIn('Browse Only'));
    s.User.push({ userId: 'new@boomi.com' });
    const e = explain(state(s), 'new@boomi.com', ABC);
    expect(e.via).toBe('direct');
    expect(e.roles.map((r) => r.name)).toEqual(['Browse Only']);
    expect(e.roles[0]!.sources).toEqual([{ kind: 'direct' }]);
    expect(e.privileges).toEqual(['DASHBOARD']);
  });

  it('R7: a role in a group is held on every account of the group', () => {
    const st = state(example());
    for (const a of [ABC, DEF]) expect(explain(st, U2, a).roles.map((r) => r.name)).toContain('Standard User');
    for (const a of [GHI, JKL]) expect(explain(st, U2, a).roles.map((r) => r.name)).not.toContain('Standard User');
  });

  it('R8: group access is the union of the roles of every group containing the account', () => {
    const e = explain(state(example()), U1, ABC);
    expect(e.via).toBe('group');
    expect(e.roles.map((r) => [r.name, r.sources.map((x) => (x.kind === 'group' ? x.groupName : 'direct'))])).toEqual([
      ['Standard User', ['Services 1']],
      ['Support', ['All Accounts']],
    ]);
    expect(e.reasons.some((r) => r.startsWith('R8:'))).toBe(true);
  });

  it('R9: direct access wins and group roles on that account are ignored', () => {
    const st = state(direct(example(), ABC, U1, builtIn('Browse Only')));
    const e = explain(st, U1, ABC);
    expect(e.via).toBe('direct');
    expect(e.roles.map((r) => r.name)).toEqual(['Browse Only']);
    expect(e.ignored.map((i) => [i.name, i.rule]).sort()).toEqual([['Standard User', 'R9'], ['Support', 'R9']]);
    expect(e.privileges).toEqual(['DASHBOARD']);
    // Only that account: DEF still comes through the groups.
    expect(explain(st, U1, DEF).via).toBe('group');
  });

  it('R10: the Support Access Role caps group users and names what it removed', () => {
    const s = example();
    account(s, ABC).supportAccessRoleId = builtIn('Support');
    const e = explain(state(s), U1, ABC);
    expect(e.cappedBy?.name).toBe('Support');
    expect(e.cappedBy?.removed).toContain('BUILD');
    expect(e.privileges).toEqual(['DASHBOARD', 'EXECUTE', 'PROCESS_HISTORY', 'VIEW_RESULTS']);
    // Roles stay listed: the cap limits privileges, not the roles held.
    expect(e.roles.map((r) => r.name)).toEqual(['Standard User', 'Support']);
  });

  it('R10: the cap does not apply to direct access', () => {
    const s = direct(example(), ABC, U1, builtIn('Administrator'));
    account(s, ABC).supportAccessRoleId = builtIn('Support');
    const e = explain(state(s), U1, ABC);
    expect(e.cappedBy).toBeNull();
    expect(e.privileges).toContain('ACCOUNT_ADMIN');
  });

  it('R11: access to the parent account gives no access to its children', () => {
    const s = direct(example(), PRIMARY, 'boss@boomi.com', builtIn('Administrator'));
    s.User.push({ userId: 'boss@boomi.com' });
    const st = state(s);
    const e = explain(st, 'boss@boomi.com', ABC);
    expect(e.canLogIn).toBe(false);
    expect(e.via).toBe('none');
    expect(e.reasons.some((r) => r.startsWith('R11:'))).toBe(true);
    expect(reach(st, 'boss@boomi.com').map((r) => r.accountId)).toEqual([PRIMARY]);
  });

  it('R12: a group user reaches an SSO-enabled account of the group through SSO; a child-only user does not', () => {
    const s = example();
    s.AccountSSOConfig.push({ accountId: GHI, enabled: true }, { accountId: JKL, enabled: true });
    direct(s, ABC, 'child@boomi.com', builtIn('Standard User'));
    s.User.push({ userId: 'child@boomi.com' });
    const st = state(s);
    const e = explain(st, U1, GHI);
    expect(e.via).toBe('sso');
    expect(e.reasons[0]).toMatch(/^R12: .*SSO/);
    expect(explain(st, U1, ABC).via).toBe('group');
    expect(explain(st, 'child@boomi.com', GHI).canLogIn).toBe(false);
  });

  it('R13: a user whose only role is taken away is locked out', () => {
    const s = example();
    const st = state(s);
    expect(explain(st, U1, GHI).canLogIn).toBe(true);
    const w = whatIf(st, plan(s, [{ op: 'group.removeUserRoles', group: 'All Accounts', users: [U1], roles: ['Support'] }]));
    expect(w.lockedOut).toEqual(expect.arrayContaining([{ userId: U1, accountId: GHI }, { userId: U1, accountId: JKL }]));
    expect(w.lockedOut).toHaveLength(2);
    expect(w.losses.find((l) => l.accountId === ABC)?.roles).toEqual(['Support']);
  });

  it('R13: no effective roles means no log-in, with a reason', () => {
    const e = explain(state(example()), 'nobody@boomi.com', ABC);
    expect(e).toMatchObject({ canLogIn: false, via: 'none', roles: [], privileges: [] });
    expect(e.reasons.at(-1)).toMatch(/^R13: .*cannot log into/);
  });
});

describe('per user and per account', () => {
  it('R4: who lists every user reaching an account, through any of its groups', () => {
    const w = who(state(example()), GHI);
    expect(w.map((x) => [x.userId, x.roles])).toEqual([
      [U1, ['Support']],
      [U2, ['Support']],
      [U3, ['Standard User', 'Support']],
      [U4, ['Production Support', 'Standard User']],
    ]);
  });
});
