import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleSnapshot, EXAMPLE } from '../../../shared/seeds/example';
import { accountGroupAccountId } from '../../../shared/model';
import { applyScan, enqueuePlan, openRosterDb, recordKey, unconfirmedOps, type RosterDb } from '../../../renderer/src/cache';

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
    const inS1 = await db.AccountGroupAccount.where('accountGroupId').equals(EXAMPLE.groups.services1).toArray();
    expect(inS1.map((l) => l.accountId).sort()).toEqual(['docabc-4HX8PL', 'docdef-9RT3KW']);
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

  it('an identical scan is recognised by its hash and not rewritten', async () => {
    fresh();
    const s = exampleSnapshot();
    await applyScan(db, { objectType: 'Role', records: s.Role, quarantined: [], complete: true });
    const again = await applyScan(db, { objectType: 'Role', records: [...s.Role].reverse(), quarantined: [], complete: true });
    expect(again.unchanged).toBe(true);
    const changed = await applyScan(db, { objectType: 'Role', records: s.Role.slice(1), quarantined: [], complete: true });
    expect(changed.unchanged).toBe(false);
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
