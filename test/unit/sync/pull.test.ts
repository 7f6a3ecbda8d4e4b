import { describe, expect, it } from 'vitest';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { exportSnapshot, mergeScan, scanType, scopeHash } from '../../../shared/sync/pull';
import { FakeApi } from './fakeApi';
import { A, G } from './helpers';

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

  it('a complete scan deletes what the platform no longer has; an incomplete one never does', () => {
    const confirmed = exampleSnapshot().AccountGroupAccount as unknown as Record<string, unknown>[];
    const kept = confirmed.filter((l) => l.accountId !== A[0]);
    const scan = { objectType: 'AccountGroupAccount' as const, scope: 'all', records: kept, quarantined: [], complete: true, hash: scopeHash('AccountGroupAccount', kept), pages: 1 };
    const m = mergeScan(confirmed, scan);
    expect(m.deleted.sort()).toEqual([`${G.all}|${A[0]}`, `${G.services1}|${A[0]}`].sort());
    expect(m.records).toHaveLength(kept.length);
    expect(mergeScan(confirmed, { ...scan, complete: false }).records).toHaveLength(confirmed.length);
  });

  it('skips a scope whose hash is unchanged, whatever the record order', () => {
    const recs = exampleSnapshot().AccountGroupAccount as unknown as Record<string, unknown>[];
    const h = scopeHash('AccountGroupAccount', recs);
    expect(scopeHash('AccountGroupAccount', [...recs].reverse())).toBe(h);
    expect(scopeHash('AccountGroupAccount', recs.slice(1))).not.toBe(h);
    const m = mergeScan(recs, { objectType: 'AccountGroupAccount', scope: 'all', records: [...recs].reverse(), quarantined: [], complete: true, hash: h, pages: 1 }, h);
    expect(m.unchanged).toBe(true);
  });

  it('exports a snapshot with every group GET for its Resources', async () => {
    const s = exampleSnapshot();
    s.AccountGroup[1]!.Resources = { '@type': 'Resources', Resource: [{ '@type': 'Resource', objectType: 'Role', resourceId: 'r1', resourceName: 'R1' }] };
    const api = new FakeApi(s);
    const { snapshot, calls } = await exportSnapshot(api);
    expect(snapshot.AccountGroup.find((g) => g.id === G.services1)?.Resources?.Resource?.[0]?.resourceId).toBe('r1');
    expect(snapshot.AccountGroupAccount).toHaveLength(8);
    expect(calls).toBe(16 + 3);
  });
});
