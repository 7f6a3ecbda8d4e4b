import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { DiffDigest } from '../../../shared/plans';
import { CSV_FIELDS, diffCsv, diffCsvName, headlines, pairRows, pairWords, roleSentence, searchRows, sideTitle, userWords } from '../../../renderer/src/domain/diffSummary';

const digest: DiffDigest = {
  gains: {
    byRole: [
      { role: 'Support', users: 48, accounts: 231, pairs: 8_000 },
      { role: 'Standard User', users: 1, accounts: 1, pairs: 1 },
    ],
    byUser: [{ userId: 'a@x', accounts: 231, roles: ['Support'] }],
  },
  losses: { byRole: [{ role: 'Browse Only', users: 3, accounts: 2, pairs: 6 }], byUser: [] },
  lockedOut: [
    { userId: 'b@x', accounts: 150, roles: [] },
    { userId: 'c@x', accounts: 1, roles: [] },
  ],
  lockedOutAccounts: 150,
  leavesAccount: [],
};

describe('the preview summarises an access diff by who and what', () => {
  it('R7/R8: one sentence per role, with users and accounts counted', () => {
    expect(roleSentence('gains', digest.gains.byRole[0]!)).toBe('48 users gain Support on 231 accounts');
    expect(roleSentence('gains', digest.gains.byRole[1]!)).toBe('1 user gains Standard User on 1 account');
    expect(roleSentence('losses', digest.losses.byRole[0]!)).toBe('3 users lose Browse Only on 2 accounts');
  });

  it('R13: lock-outs come first, then the roles with the most pairs; the rest is counted', () => {
    expect(headlines(digest, 2)).toEqual([
      '2 users are locked out of 150 accounts',
      '48 users gain Support on 231 accounts',
      '3 users lose Browse Only on 2 accounts',
      'and 1 other role change (see the tables below)',
    ]);
    expect(headlines({ ...digest, lockedOut: [] })).toHaveLength(3);
  });

  it('every change reads as roles, privileges or the sign-in itself; lock-outs have none left', () => {
    const names = { account: (id: string) => (id === 'acc-1' ? 'Doc ABC Company' : id), user: (id: string) => id };
    const rows = pairRows('gains', [
      { userId: 'a@x', accountId: 'acc-1', roles: ['Support', 'Standard User'], privileges: [], via: 'group' },
      { userId: 'a@x', accountId: 'acc-2', roles: [], privileges: ['EXECUTE'], via: 'direct' },
      { userId: 'b@x', accountId: 'acc-2', roles: [], privileges: [], via: 'sso' },
    ], names);
    expect(rows.map((r) => [r.account, r.what, r.via])).toEqual([['Doc ABC Company', 'Support, Standard User', 'group'], ['acc-2', 'privilege EXECUTE', 'direct'], ['acc-2', 'access', 'sso']]);
    expect(pairRows('lockedOut', [{ userId: 'c@x', accountId: 'acc-1' }], names)[0]).toMatchObject({ change: 'locked out', what: 'no roles left', account: 'Doc ABC Company' });
  });

  it('search matches every word of the query, in any field (the user\'s name too), ignoring case', () => {
    const names = { account: (id: string) => (id === 'a1' ? 'Doc ABC' : 'Doc DEF'), user: (id: string) => (id === 'ServUser1@boomi.com' ? 'Serv User1' : 'Ana Fischer') };
    const rows = pairRows('gains', [
      { userId: 'ServUser1@boomi.com', accountId: 'a1', roles: ['Support'], privileges: [], via: 'group' },
      { userId: 'ServUser2@boomi.com', accountId: 'a2', roles: ['Support'], privileges: [], via: 'group' },
    ], names);
    expect(rows.map((r) => r.user)).toEqual(['Serv User1', 'Ana Fischer']);
    expect(searchRows(rows, 'servuser1', pairWords).map((r) => r.userId)).toEqual(['ServUser1@boomi.com']);
    expect(searchRows(rows, 'ana fisch', pairWords).map((r) => r.userId)).toEqual(['ServUser2@boomi.com']);
    const byUser = searchRows(digest.gains.byUser, 'grace', userWords((id) => (id === 'a@x' ? 'Grace Novak' : id)));
    expect(byUser.map((u) => u.userId)).toEqual(['a@x']);
    expect(searchRows(rows, 'support def', pairWords).map((r) => r.account)).toEqual(['Doc DEF']);
    expect(searchRows(rows, '  ', pairWords)).toHaveLength(2);
    expect(searchRows(rows, 'nobody', pairWords)).toEqual([]);
  });

  it('the CSV has a header and one line per pair, the user\'s name beside the e-mail, quoting what needs it', () => {
    const rows = pairRows('losses', [{ userId: 'a@x', accountId: 'a1', roles: ['Role, with comma'], privileges: [], via: 'group' }], { account: () => 'Doc "ABC"', user: () => 'Ann Lee' });
    const csv = diffCsv(rows);
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[0]).toEqual([...CSV_FIELDS]);
    expect(parsed[0]).toEqual(['change', 'userId', 'userName', 'accountId', 'account', 'roles', 'via']);
    expect(parsed[1]).toEqual(['loss', 'a@x', 'Ann Lee', 'a1', 'Doc "ABC"', 'Role, with comma', 'group']);
    expect(diffCsvName(new Date('2026-12-02T09:41:07Z'))).toBe('roster-access-changes-2026-12-02-09-41.csv');
    expect(sideTitle('gains', 8684)).toMatch(/^Gains \(8.684\)$/);
  });
});
