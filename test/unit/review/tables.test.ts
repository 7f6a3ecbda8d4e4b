import { describe, expect, it } from 'vitest';
import { buildState } from '../../../shared/access';
import {
  ACCESS_COLUMNS, LAYOUT_COLUMNS, accessCells, accessRows, accountAccessRows, decide, decisionsToPlan, layoutRows, newReview, signOff,
  ReviewLockedError, countsText, layoutReport, layoutHtml, removesLeft, type Decision,
} from '../../../shared/review';
import { ABC, G, GHI, P1, SVC, U1, U2, U4, builtIn, direct, example, withService } from '../access/fixtures';

const at = '2026-12-02T09:41:00.000Z';
const remove = (target: Decision['target']): Decision => ({ target, verdict: 'remove', at });

describe('access and layout tables', () => {
  it('DESIGN.md headers, exactly', () => {
    expect(ACCESS_COLUMNS.join(',')).toBe('userId,accountId,accountName,canLogIn,via,roles,groups');
    expect(LAYOUT_COLUMNS.join(',')).toBe('group,kind,id,name,roles');
  });

  it('access rows: R8 union of group roles with the groups that bring them, joined with ";"', () => {
    const s = buildState(example());
    const row = [...accessRows(s, [U1])].find((r) => r.accountId === ABC)!;
    expect(accessCells(row)).toEqual([U1, ABC, 'Doc ABC Company', 'true', 'group', 'Standard User;Support', 'All Accounts;Services 1']);
    expect([...accessRows(s)]).toHaveLength(16);
  });

  it('access rows: R9 a direct role wins and lists no group; R25 partner access has no roles', () => {
    const s = buildState(direct(withService(example()), GHI, U1, builtIn('Administrator')));
    const rows = [...accessRows(s, [U1])];
    expect(rows.find((r) => r.accountId === GHI)).toMatchObject({ via: 'direct', roles: ['Administrator'], groups: [] });
    expect(rows.find((r) => r.accountId === P1)).toMatchObject({ via: 'partner', roles: [], groups: [] });
    // The per-account form gives the same rows for that account.
    expect([...accountAccessRows(s, GHI)].find((r) => r.userId === U1)).toEqual(rows.find((r) => r.accountId === GHI));
  });

  it('layout rows: per group its accounts, its users with roles (R7), its resources', () => {
    const rows = [...layoutRows(buildState(example()))];
    expect(rows.filter((r) => r.group === 'Services 1').map((r) => [r.kind, r.id, r.roles.join(';')])).toEqual([
      ['account', ABC, ''], ['account', expect.any(String), ''], ['user', U1, 'Standard User'], ['user', U2, 'Standard User'],
    ]);
    expect(rows.find((r) => r.group === 'All Accounts' && r.id === U4)).toMatchObject({ kind: 'user', name: 'Serv User4', roles: ['Production Support'] });
  });

  it('the HTML report has a section per group and per account, stamped with the snapshot time', () => {
    const html = layoutHtml(layoutReport(buildState(example()), { snapshotAt: at }));
    expect(html.match(/<h2>Group: /g)).toHaveLength(3);
    expect(html.match(/<h2>Account: /g)).toHaveLength(5);
    expect(html).toContain('as of 2026-12-02 09:41 UTC');
    expect(html).toContain('3 groups · 5 accounts');
  });

  it("the report's count line says one account or group in the singular", () => {
    expect(countsText({ groupCount: 3, accountCount: 1 })).toBe('3 groups · 1 account');
    expect(countsText({ groupCount: 1, accountCount: 0 })).toBe('1 group · 0 accounts');
  });
});

describe('review decisions → plan', () => {
  it('removes become one op per group and role, per group, per account and role, per service and account; keeps change nothing', () => {
    const ops = decisionsToPlan([
      remove({ type: 'groupUserRole', groupId: G.all, userId: U1, roleId: builtIn('Support') }),
      remove({ type: 'groupUserRole', groupId: G.all, userId: U2, roleId: builtIn('Support') }),
      { target: { type: 'groupUserRole', groupId: G.all, userId: U4, roleId: builtIn('Production Support') }, verdict: 'keep', at },
      remove({ type: 'groupAccount', groupId: G.services1, accountId: ABC }),
      remove({ type: 'directRole', accountId: GHI, userId: U1, roleId: builtIn('Administrator') }),
      remove({ type: 'partnerAccess', serviceId: SVC, accountId: P1, userId: U1 }),
    ]);
    expect(ops).toEqual([
      { op: 'group.removeUserRoles', groupId: G.all, userIds: [U1, U2], roleIds: [builtIn('Support')] },
      { op: 'group.removeAccounts', groupId: G.services1, accountIds: [ABC] },
      { op: 'account.removeUserRoles', accountId: GHI, userIds: [U1], roleIds: [builtIn('Administrator')] },
      { op: 'partner.revoke', serviceId: SVC, accountIds: [P1], userIds: [U1] },
    ]);
    expect(decisionsToPlan([])).toEqual([]);
  });

  it('one decision per target (the last wins, its note kept); sign-off locks the decisions', () => {
    const target = { type: 'groupAccount' as const, groupId: G.services1, accountId: ABC };
    let r = newReview('r1', 'Q4 review', 'admin@x.com', at, at);
    r = decide(r, target, 'keep', at, 'customer asked');
    r = decide(r, target, 'remove', at);
    expect(r.decisions).toEqual([{ target, verdict: 'remove', at, note: 'customer asked' }]);
    r = signOff(r, 'admin@x.com', at);
    expect(() => decide(r, target, 'keep', at)).toThrow(ReviewLockedError);
    expect(() => signOff(r, 'admin@x.com', at)).toThrow(ReviewLockedError);
  });

  it('removes left: only those whose target is still there, of every kind; a plan that removed them all leaves none', () => {
    const support = builtIn('Support');
    const admin = builtIn('Administrator');
    const s = buildState(direct(withService(example()), GHI, U1, admin));
    const decisions = [
      remove({ type: 'groupUserRole', groupId: G.all, userId: U1, roleId: support }),
      remove({ type: 'groupAccount', groupId: G.services1, accountId: ABC }),
      remove({ type: 'directRole', accountId: GHI, userId: U1, roleId: admin }),
      remove({ type: 'partnerAccess', serviceId: SVC, accountId: P1, userId: U1 }),
      { target: { type: 'groupUserRole' as const, groupId: G.all, userId: U4, roleId: builtIn('Production Support') }, verdict: 'keep' as const, at },
    ];
    // Everything marked Remove is there: all four are left, the keep never is.
    expect(removesLeft(s, decisions)).toEqual(decisions.slice(0, 4));
    // Gone already (removed by a plan, or on the platform): nothing left to remove of those.
    const gone = [
      remove({ type: 'groupUserRole', groupId: G.services1, userId: U4, roleId: support }),
      remove({ type: 'groupAccount', groupId: G.services1, accountId: GHI }),
      remove({ type: 'directRole', accountId: ABC, userId: U1, roleId: admin }),
      remove({ type: 'partnerAccess', serviceId: SVC, accountId: P1, userId: U4 }),
    ];
    expect(removesLeft(s, gone)).toEqual([]);
    expect(removesLeft(s, [...gone, decisions[1]!])).toEqual([decisions[1]]);
  });
});
