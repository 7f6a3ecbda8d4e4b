import { describe, expect, it } from 'vitest';
import { ANY_STATUS, PENDING_ONLY, choiceLabel, filterAccounts, filterOfChoice, statusesOf } from '../../../renderer/src/features/groups/accountFilter';
import type { AccountRow } from '../../../renderer/src/features/groups/data';

const rows: AccountRow[] = [
  { accountId: 'atlas-51', name: 'Atlas Farms 51', status: 'active', pending: null },
  { accountId: 'atlas-428', name: 'Atlas Farms 428', status: 'suspended', pending: 'add' },
  { accountId: 'doc-abc', name: 'Doc ABC', status: 'active', pending: 'remove' },
];
const ids = (r: AccountRow[]) => r.map((a) => a.accountId);

describe('the Accounts tab filters', () => {
  it('search, status and pending only combine', () => {
    expect(ids(filterAccounts(rows, { query: '', status: ANY_STATUS, pendingOnly: false }))).toEqual(['atlas-51', 'atlas-428', 'doc-abc']);
    expect(ids(filterAccounts(rows, { query: 'atlas', status: 'active', pendingOnly: false }))).toEqual(['atlas-51']);
    // A pending removal is still listed (struck through) and counts as pending.
    expect(ids(filterAccounts(rows, { query: '', status: ANY_STATUS, pendingOnly: true }))).toEqual(['atlas-428', 'doc-abc']);
    expect(ids(filterAccounts(rows, { query: 'atlas', status: 'active', pendingOnly: true }))).toEqual([]);
  });
  it('the toolbar\'s one "Show" choice is everything, pending only or one status', () => {
    expect(filterOfChoice('x', PENDING_ONLY)).toEqual({ query: 'x', status: ANY_STATUS, pendingOnly: true });
    expect(filterOfChoice('', 'active')).toEqual({ query: '', status: 'active', pendingOnly: false });
  });
  it('the closed box names the choice in one word, so a narrow box still says which filter is on', () => {
    expect([ANY_STATUS, PENDING_ONLY, 'trial', 'suspended'].map(choiceLabel)).toEqual(['All', 'Pending', 'trial', 'suspended']);
  });
  it('offers the statuses the accounts have', () => {
    expect(statusesOf(rows)).toEqual(['active', 'suspended']);
  });
});
