import { describe, expect, it } from 'vitest';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { generateSnapshot } from '../../../shared/seeds/generate';
import { exportSnapshot, scanType } from '../../../shared/sync/pull';
import { FakeApi } from './fakeApi';
import { G } from './helpers';

describe('pull helpers (DESIGN.md Pull)', () => {
  it('scans every page and marks the scan complete', async () => {
    const s = exampleSnapshot();
    for (let i = 0; i < 250; i++) s.User.push({ '@type': 'User', userId: `u${i}@x.com` });
    const api = new FakeApi(s);
    const scan = await scanType(api, 'User');
    expect(scan.records).toHaveLength(254);
    expect(scan.pages).toBe(3);
    expect(scan.complete).toBe(true);
  });

  it('quarantines bad records and keeps the rest', async () => {
    const s = exampleSnapshot();
    const api = new FakeApi(s);
    api.table('User').set('bad', { userId: '' });
    const scan = await scanType(api, 'User');
    expect(scan.records).toHaveLength(4);
    expect(scan.quarantined).toHaveLength(1);
  });

  it('exports a snapshot with the groups\' Resources read by bulk GET (one call for up to 100 groups)', async () => {
    const s = exampleSnapshot();
    s.AccountGroup[1]!.Resources = { '@type': 'Resources', Resource: [{ '@type': 'Resource', objectType: 'Role', resourceId: 'r1', resourceName: 'R1' }] };
    const api = new FakeApi(s);
    const { snapshot, calls } = await exportSnapshot(api);
    expect(snapshot.AccountGroup.find((g) => g.id === G.services1)?.Resources?.Resource?.[0]?.resourceId).toBe('r1');
    expect(snapshot.AccountGroupAccount).toHaveLength(8);
    // 15 type scans; AccountSSOConfig has no QUERY on the vendor's API: one bulk GET of the
    // account ids; then one bulk GET for the groups' Resources.
    expect(calls).toBe(15 + 1 + 1);
  });

  it('R10, R19: on the reference platform a partner organisation\'s account (no settings fields) is not taken for a vendor-shaped managed account', async () => {
    const s = generateSnapshot('partner', 1);
    const primary = s.Account.find((a) => a.accountGroupsEnabled)!.accountId;
    const partnerOrg = s.Account.find((a) => a.accountId !== primary && a.parentAccountId === undefined)!;
    const { snapshot } = await exportSnapshot(new FakeApi(s), { primaryId: primary, types: ['Account'] });
    const read = snapshot.Account.find((a) => a.accountId === partnerOrg.accountId)!;
    expect(read.parentAccountId).toBeUndefined();
    expect(read.unknown).toBeUndefined();
    // The same records with the primary vendor-shaped: every account is marked and parented.
    const vendor = generateSnapshot('partner', 1);
    vendor.Account = vendor.Account.map(({ accountGroupsEnabled: _g, advancedUserSecurity: _u, ...a }) => a);
    const marked = (await exportSnapshot(new FakeApi(vendor), { primaryId: primary, types: ['Account'] })).snapshot.Account;
    expect(marked.find((a) => a.accountId === partnerOrg.accountId)!.parentAccountId).toBe(primary);
    expect(marked.find((a) => a.accountId === partnerOrg.accountId)!.unknown).toContain('advancedUserSecurity');
  });
});
