import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleSnapshot, EXAMPLE } from '../../../shared/seeds/example';
import { accountGroupAccountId } from '../../../shared/model';
import Dexie from 'dexie';
import { allAccountLinks, applyScan, cacheVersion, loadSnapshot, groupAccountIds, loadGroupCounts, markUnchanged, openRosterDb, recordKey, unconfirmedOps, type RosterDb } from '../../../renderer/src/cache';
import { enqueuePlan } from '../../../renderer/src/sync/outbox';

let db: RosterDb;
let n = 0;
const fresh = () => (db = openRosterDb(`test-cache-${++n}`));
afterEach(async () => db?.delete());

describe('cache keys', () => {
  it('link records without an id get the synthesised id of their natural key', () => {
    const key = recordKey('AccountGroupAccount', { accountGroupId: 'g1', accountId: 'a1' });
    expect(key).toBe(accountGroupAccountId('g1', 'a1'));
    expect(recordKey('Account', { accountId: 'acc-9' })).toBe('acc-9');
  });
});

describe('applyScan', () => {
  it('writes a complete scan and indexes group memberships', async () => {
    fresh();
    const s = exampleSnapshot();
    await applyScan(db, { objectType: 'AccountGroupAccount', records: s.AccountGroupAccount, quarantined: [], complete: true });
    const inS1 = await groupAccountIds(db, EXAMPLE.groups.services1);
    expect(inS1.sort()).toEqual(['docabc-4HX8PL', 'docdef-9RT3KW']);
    const state = await db.syncState.get(['AccountGroupAccount', 'all']);
    expect(state?.count).toBe(8);
    expect(state?.lastCompleteScan).not.toBeNull();
  });

  it('a complete scan deletes what the platform no longer has (set difference)', async () => {
    fresh();
    const s = exampleSnapshot();
    await applyScan(db, { objectType: 'AccountGroup', records: s.AccountGroup, quarantined: [], complete: true });
    const out = await applyScan(db, { objectType: 'AccountGroup', records: s.AccountGroup.slice(0, 2), quarantined: [], complete: true });
    expect(out.deleted).toBe(1);
    expect((await db.AccountGroup.toArray()).map((g) => g.name).sort()).toEqual(['All Accounts', 'Services 1']);
  });

  it('an incomplete scan deletes nothing', async () => {
    fresh();
    const s = exampleSnapshot();
    await applyScan(db, { objectType: 'AccountGroup', records: s.AccountGroup, quarantined: [], complete: true });
    await applyScan(db, { objectType: 'AccountGroup', records: s.AccountGroup.slice(0, 1), quarantined: [], complete: false });
    expect(await db.AccountGroup.count()).toBe(3);
  });

  it('a complete scan main did not hash is written and changes the cache version (main\'s hash is the only content hash)', async () => {
    fresh();
    const s = exampleSnapshot();
    await applyScan(db, { objectType: 'Role', records: s.Role, quarantined: [], complete: true });
    const before = await cacheVersion(db);
    const again = await applyScan(db, { objectType: 'Role', records: s.Role.slice(1), quarantined: [], complete: true });
    expect(again.unchanged).toBe(false);
    expect(await db.Role.count()).toBe(s.Role.length - 1);
    expect(await cacheVersion(db)).not.toBe(before);
  });

  it('quarantined records are recorded per type and replaced by the next scan', async () => {
    fresh();
    const bad = { objectType: 'Account', index: 3, record: { name: 'x' }, issues: ['accountId: required'] };
    await applyScan(db, { objectType: 'Account', records: [], quarantined: [bad, { ...bad, index: 4 }], complete: true });
    expect(await db.quarantine.where('objectType').equals('Account').count()).toBe(2);
    await applyScan(db, { objectType: 'Account', records: [], quarantined: [], complete: true });
    expect(await db.quarantine.count()).toBe(0);
  });
});

describe('applyScan: writes only what changed (per-scope hash)', () => {
  const roles = () => exampleSnapshot().Role;

  it('an unchanged scan (main\'s hash equal to the stored one) does not rewrite the tables', async () => {
    fresh();
    await applyScan(db, { objectType: 'Role', records: roles(), quarantined: [], complete: true, hash: 'sha256:h1' });
    // A marker no scan would write: it survives only if the table is left alone.
    const first = (await db.Role.toArray())[0]!;
    await db.Role.put({ ...first, name: 'marker' });
    const out = await applyScan(db, { objectType: 'Role', records: roles(), quarantined: [], complete: true, hash: 'sha256:h1' });
    expect(out).toMatchObject({ unchanged: true, written: 0, deleted: 0 });
    expect((await db.Role.get(first.key))?.name).toBe('marker');
  });

  it('a changed scan rewrites only the records that differ, and deletes what is gone', async () => {
    fresh();
    const s = exampleSnapshot();
    await applyScan(db, { objectType: 'AccountGroupAccount', records: s.AccountGroupAccount, quarantined: [], complete: true, hash: 'h1' });
    const next = s.AccountGroupAccount.slice(1);
    const out = await applyScan(db, { objectType: 'AccountGroupAccount', records: [...next, { accountGroupId: EXAMPLE.groups.services1, accountId: 'new-acc' }], quarantined: [], complete: true, hash: 'h2' });
    expect(out).toMatchObject({ unchanged: false, written: 1, deleted: 1 });
    expect(await allAccountLinks(db.AccountGroupAccount)).toHaveLength(s.AccountGroupAccount.length);
    expect(await groupAccountIds(db, EXAMPLE.groups.services1)).toContain('new-acc');
    expect((await db.syncState.get(['AccountGroupAccount', 'all']))?.hash).toBe('h2');
  });

  it('markUnchanged stamps the scan time when the cache holds that hash, and refuses when it does not', async () => {
    fresh();
    await applyScan(db, { objectType: 'Role', records: roles(), quarantined: [{ objectType: 'Role', index: 9, record: {}, issues: ['name: required'] }], complete: true, hash: 'h1' }, new Date('2026-01-01T00:00:00Z'));
    expect(await markUnchanged(db, 'Role', 'h1', new Date('2026-02-01T00:00:00Z'))).toBe(true);
    expect((await db.syncState.get(['Role', 'all']))?.lastCompleteScan).toBe('2026-02-01T00:00:00.000Z');
    // The quarantined record is still shown: nothing but the time was touched.
    expect(await db.quarantine.count()).toBe(1);
    expect(await markUnchanged(db, 'Role', 'h-other')).toBe(false);
  });

  it('group counts follow the links: accounts per group, distinct users per group', async () => {
    fresh();
    const s = exampleSnapshot();
    await applyScan(db, { objectType: 'AccountGroupAccount', records: s.AccountGroupAccount, quarantined: [], complete: true });
    await applyScan(db, { objectType: 'AccountGroupUserRole', records: s.AccountGroupUserRole, quarantined: [], complete: true });
    const counts = await loadGroupCounts(db);
    for (const g of s.AccountGroup) {
      expect(counts.accounts.get(g.id) ?? 0).toBe(s.AccountGroupAccount.filter((l) => l.accountGroupId === g.id).length);
      expect(counts.users.get(g.id) ?? 0).toBe(new Set(s.AccountGroupUserRole.filter((l) => l.accountGroupId === g.id).map((l) => l.userId)).size);
    }
    // The group's user roles read by group, as the Groups screen does (served by the group-first key).
    const inS1 = await db.AccountGroupUserRole.where('accountGroupId').equals(EXAMPLE.groups.services1).count();
    expect(inS1).toBe(s.AccountGroupUserRole.filter((l) => l.accountGroupId === EXAMPLE.groups.services1).length);
    await applyScan(db, { objectType: 'AccountGroupAccount', records: [], quarantined: [], complete: true });
    expect((await loadGroupCounts(db)).accounts.size).toBe(0);
  });
});

describe('group links stored one row per group', () => {
  const link = (g: string, a: string) => ({ '@type': 'AccountGroupAccount' as const, accountGroupId: g, accountId: a });

  it('a complete scan replaces each group\'s links and removes groups it no longer names', async () => {
    fresh();
    await applyScan(db, { objectType: 'AccountGroupAccount', records: [link('g1', 'a1'), link('g1', 'a2'), link('g2', 'a1')], quarantined: [], complete: true });
    expect(await db.AccountGroupAccount.count()).toBe(2);
    const out = await applyScan(db, { objectType: 'AccountGroupAccount', records: [link('g1', 'a2'), link('g1', 'a3')], quarantined: [], complete: true });
    expect(out).toMatchObject({ written: 1, deleted: 2 });
    expect(await groupAccountIds(db, 'g1')).toEqual(['a2', 'a3']);
    expect(await groupAccountIds(db, 'g2')).toEqual([]);
    expect((await loadGroupCounts(db)).accounts).toEqual(new Map([['g1', 2]]));
  });

  it('a partial scan merges into the groups and deletes nothing', async () => {
    fresh();
    await applyScan(db, { objectType: 'AccountGroupAccount', records: [link('g1', 'a1'), link('g2', 'a1')], quarantined: [], complete: true });
    const out = await applyScan(db, { objectType: 'AccountGroupAccount', records: [link('g1', 'a2')], quarantined: [], complete: false });
    expect(out).toMatchObject({ written: 1, deleted: 0 });
    expect((await groupAccountIds(db, 'g1')).sort()).toEqual(['a1', 'a2']);
    expect(await groupAccountIds(db, 'g2')).toEqual(['a1']);
    expect((await loadGroupCounts(db)).accounts.get('g1')).toBe(2);
  });

  it('the snapshot holds every link flat, in the platform\'s shape (no cache key)', async () => {
    fresh();
    const s = exampleSnapshot();
    await applyScan(db, { objectType: 'AccountGroupAccount', records: s.AccountGroupAccount, quarantined: [], complete: true });
    const snap = await loadSnapshot(db);
    const sortLinks = (l: { accountGroupId: string; accountId: string }[]) => [...l].sort((a, b) => `${a.accountGroupId}${a.accountId}`.localeCompare(`${b.accountGroupId}${b.accountId}`));
    expect(sortLinks(snap.AccountGroupAccount)).toEqual(sortLinks(s.AccountGroupAccount));
  });
});

describe('cache upgrade from version 1', () => {
  it('keeps the outbox and other tables; the re-keyed link tables come back empty with their sync state reset', async () => {
    const name = `test-cache-upgrade-${++n}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      Account: 'key, name, parentAccountId', AccountGroupAccount: 'key, accountGroupId, accountId', AccountGroupUserRole: 'key, accountGroupId, userId, roleId',
      AccountUserRole: 'key, accountId, userId, roleId', Role: 'key, name, accountId', syncState: '[objectType+scope], objectType', quarantine: '++id, objectType, seenAt', outbox: 'id, &seq, planId, status',
    });
    await v1.table('Account').put({ key: 'a1', accountId: 'a1', name: 'A' });
    await v1.table('AccountGroupAccount').put({ key: 'l1', accountGroupId: 'g1', accountId: 'a1' });
    await v1.table('syncState').bulkPut([
      { objectType: 'AccountGroupAccount', scope: 'all', hash: 'old', count: 1, lastCompleteScan: null, time: '' },
      { objectType: 'Account', scope: 'all', hash: 'acc', count: 1, lastCompleteScan: null, time: '' },
    ]);
    await v1.table('outbox').put({ id: 'op1', seq: 1, planId: 'p1', op: { op: 'group.create', name: 'X' }, status: 'pending', attempts: 0, lastError: null, createdAt: '' });
    v1.close();
    db = openRosterDb(name);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.Account.get('a1')).toMatchObject({ name: 'A' });
    expect(await db.AccountGroupAccount.count()).toBe(0);
    expect(await db.syncState.get(['AccountGroupAccount', 'all'])).toBeUndefined();
    expect(await db.AccountGroupUserRole.count()).toBe(0);
    expect((await db.syncState.get(['Account', 'all']))?.hash).toBe('acc');
  });
});

describe('outbox', () => {
  it('queues a plan in order with increasing seq, status pending', async () => {
    fresh();
    const a = await enqueuePlan(db, [{ op: 'group.create', name: 'Services 3' }]);
    const b = await enqueuePlan(db, [
      { op: 'group.addAccounts', groupId: 'g1', accountIds: ['a1'] },
      { op: 'group.rename', groupId: 'g1', name: 'North' },
    ]);
    const all = await unconfirmedOps(db);
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(all.every((e) => e.status === 'pending' && e.attempts === 0)).toBe(true);
    expect(new Set(b.entries.map((e) => e.planId))).toEqual(new Set([b.planId]));
    expect(a.planId).not.toBe(b.planId);
  });

  it('refuses a malformed op and queues nothing of that plan', async () => {
    fresh();
    const bad = [{ op: 'group.create', name: 'ok' }, { op: 'group.addAccounts', groupId: 'g1', accountIds: [] }];
    // @ts-expect-error deliberately invalid: an empty account list
    await expect(enqueuePlan(db, bad)).rejects.toThrow(/plan op 2/);
    expect(await db.outbox.count()).toBe(0);
    await expect(enqueuePlan(db, [])).rejects.toThrow(/no operations/);
  });
});
