import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, buildMatrix, isMember, matrixAxes, removalEffect, roleIdsInGroup, sideBySide, sideTotals } from '../../../shared/review';
import { ABC, DEF, G, GHI, JKL, PRIMARY, R, U1, U2, U3, U4, direct, example, state } from '../access/fixtures';

const s = state(example());
const axes = matrixAxes(s);
const names = (ids: string[]) => ids.map((a) => s.accounts.get(a)?.name ?? s.groups.get(a)?.name ?? a);

describe('matrix views', () => {
  it('membership: every account × every group, by name; a cell is R2 membership', () => {
    const m = buildMatrix(s, axes, 'membership', DEFAULT_QUERY);
    expect(names(m.columns)).toEqual(['All Accounts', 'Services 1', 'Services 2']);
    expect(names(m.rows)).toEqual(['Doc ABC Company', 'Doc DEF Company', 'Doc GHI Company', 'Doc JKL Company', 'Documentation']);
    expect(m.counts).toEqual([2, 2, 2, 2, 0]);
    expect(isMember(s, G.services1, ABC)).toBe(true);
    expect(isMember(s, G.services1, GHI)).toBe(false);
  });

  it('filters: the column search narrows groups, counts and "only rows with cells" follow the shown columns', () => {
    const m = buildMatrix(s, axes, 'membership', { ...DEFAULT_QUERY, columnSearch: 'services 2', onlyWithCells: true });
    expect(names(m.columns)).toEqual(['Services 2']);
    expect(m.rows).toEqual([GHI, JKL]);
    expect(m.counts).toEqual([1, 1]);
  });

  it('search matches a row by name or id, case-insensitive', () => {
    expect(buildMatrix(s, axes, 'membership', { ...DEFAULT_QUERY, rowSearch: 'ghi' }).rows).toEqual([GHI]);
    expect(buildMatrix(s, axes, 'membership', { ...DEFAULT_QUERY, rowSearch: 'DOCDEF-9' }).rows).toEqual([DEF]);
    expect(buildMatrix(s, axes, 'roles', { ...DEFAULT_QUERY, rowSearch: 'user3' }).rows).toEqual([U3]);
  });

  it('sort by cells puts the rows with most cells first, ties by name', () => {
    const m = buildMatrix(s, axes, 'membership', { ...DEFAULT_QUERY, sort: 'cells', columnSearch: 'services 1' });
    expect(m.rows.slice(0, 2)).toEqual([ABC, DEF]);
    expect(m.counts).toEqual([1, 1, 0, 0, 0]);
  });

  it('R7 roles: users × groups, a cell is the user\'s role ids in that group', () => {
    const m = buildMatrix(s, axes, 'roles', DEFAULT_QUERY);
    expect(m.rows).toEqual([U1, U2, U3, U4]);
    expect(roleIdsInGroup(s, U1, G.services1)).toEqual([R['Standard User']]);
    expect(roleIdsInGroup(s, U4, G.all)).toEqual([R['Production Support']]);
    expect(roleIdsInGroup(s, U1, G.services2)).toEqual([]);
  });
});

describe('compare two side by side', () => {
  it('two users: what one has that the other lacks, differences only by default', () => {
    const rows = sideBySide(s, 'user', U1, U3);
    const groups = rows.filter((r) => r.section === 'Groups');
    expect(groups).toEqual([
      { section: 'Groups', key: `Groups\n${G.services1}`, item: 'Services 1', a: 'Standard User', b: null },
      { section: 'Groups', key: `Groups\n${G.services2}`, item: 'Services 2', a: null, b: 'Standard User' },
    ]);
    // Both have Support in All Accounts: the same, so not listed unless asked.
    expect(rows.some((r) => r.item === 'All Accounts')).toBe(false);
    expect(sideBySide(s, 'user', U1, U3, false).find((r) => r.item === 'All Accounts')).toMatchObject({ a: 'Support', b: 'Support' });
    const reached = rows.filter((r) => r.section === 'Accounts reached').map((r) => [r.item, r.a, r.b]);
    expect(reached).toContainEqual(['Doc ABC Company', 'Standard User, Support (group)', 'Support (group)']);
    expect(sideTotals(rows)).toMatchObject({ onlyA: 1, onlyB: 1 });
  });

  it('R9: a direct role shows under Direct roles and wins over group roles in Accounts reached', () => {
    const d = state(direct(example(), ABC, U1, R['Administrator']));
    const rows = sideBySide(d, 'user', U1, U2);
    expect(rows.find((r) => r.section === 'Direct roles')).toMatchObject({ item: 'Doc ABC Company', a: 'Administrator', b: null });
    expect(rows.find((r) => r.section === 'Accounts reached' && r.item === 'Doc ABC Company')).toMatchObject({ a: 'Administrator (direct)' });
  });

  it('two groups and two accounts', () => {
    const g = sideBySide(s, 'group', G.services1, G.services2);
    expect(g.filter((r) => r.section === 'Accounts').map((r) => [r.item, r.a, r.b])).toEqual([
      ['Doc ABC Company', 'member', null], ['Doc DEF Company', 'member', null], ['Doc GHI Company', null, 'member'], ['Doc JKL Company', null, 'member'],
    ]);
    const a = sideBySide(s, 'account', ABC, GHI);
    expect(a.filter((r) => r.section === 'Groups').map((r) => [r.item, r.a, r.b])).toEqual([['Services 1', 'member', null], ['Services 2', null, 'member']]);
    expect(sideBySide(s, 'account', ABC, ABC)).toEqual([]);
    expect(sideBySide(s, 'account', PRIMARY, ABC).some((r) => r.section === 'Who reaches it')).toBe(true);
  });
});

describe('removal effect (a reviewed row\'s context)', () => {
  it('R13: removing the only role a user has in the only group reaching an account locks them out', () => {
    const e = removalEffect(s, { type: 'groupAccount', groupId: G.all, accountId: ABC });
    expect(e.refused.length).toBeGreaterThan(0); // R3: All Accounts keeps every account
    const onlyGroup = removalEffect(s, { type: 'groupUserRole', groupId: G.all, userId: U3, roleId: R.Support });
    // ServUser3 reaches GHI and JKL through Services 2 still; ABC and DEF only through All Accounts.
    expect(onlyGroup.lockedOut).toBe(2);
    expect(onlyGroup.lockedOutPairs.map((p) => p.accountId).sort()).toEqual([ABC, DEF].sort());
  });

  it('removing a role the user also gets elsewhere is a loss, not a lock-out', () => {
    const e = removalEffect(s, { type: 'groupUserRole', groupId: G.services1, userId: U1, roleId: R['Standard User'] });
    expect(e.lockedOut).toBe(0);
    expect(e.losses).toBe(2);
  });
});
