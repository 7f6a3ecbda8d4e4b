import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/model';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { applyScan, openRosterDb, settleLanded, viewEntries, type RosterDb } from '../../../renderer/src/cache';
import { enqueuePlan } from '../../../renderer/src/sync/outbox';
import { optimisticView, pendingMarks, userRoleKey } from '../../../renderer/src/domain/optimisticView';
import { mergeMembers, mergeUserRoles, usersInView } from '../../../renderer/src/features/groups/marks';
import { describeOp } from '../../../shared/plans/registry';
import { recordResult } from '../../../renderer/src/sync/outbox';
import { A, G, U } from '../sync/helpers';

let db: RosterDb;
let n = 0;
afterEach(async () => db?.delete());

const open = async (s: Snapshot = exampleSnapshot()) => {
  db = openRosterDb(`optimistic-view-${++n}`);
  for (const t of Object.keys(s) as (keyof Snapshot)[]) await applyScan(db, { objectType: t, records: s[t] as never, quarantined: [], complete: true });
};

const ADMIN = BUILT_IN_ROLE_IDS.Administrator;

describe('one optimistic view (confirmed ⊕ queued, replayed through each op’s perform)', () => {
  it('R7: a queued group.addUserRoles is marked pending for Users in Group, and counts the user', async () => {
    await open();
    await enqueuePlan(db, [{ op: 'group.addUserRoles', groupId: G.services1, userIds: [U[3]!], roleIds: [ADMIN] }]);
    const marks = pendingMarks(await optimisticView(db));
    expect(marks.groups[G.services1]!.userRoles).toEqual({ [userRoleKey(U[3]!, ADMIN)]: true });
    const links = await db.AccountGroupUserRole.where('accountGroupId').equals(G.services1).toArray();
    const byUser = mergeUserRoles(links, marks.groups[G.services1]);
    expect(byUser.get(U[3]!)).toEqual([{ roleId: ADMIN, pending: 'add' }]);
    expect(usersInView(byUser)).toBe(3);
  });

  it('pending removals stay listed, marked, and the view counts without them', async () => {
    await open();
    await enqueuePlan(db, [{ op: 'group.removeAccounts', groupId: G.services1, accountIds: [A[0]!] }]);
    const m = pendingMarks(await optimisticView(db)).groups[G.services1];
    const merged = mergeMembers([A[0]!, A[1]!], m);
    expect(merged.rows).toEqual([A[0], A[1]]);
    expect(merged.members).toEqual([A[1]]);
    expect([...merged.pendingRemove]).toEqual([A[0]]);
  });

  it('a queued creation with accounts queued for it, and a rename, are marked', async () => {
    await open();
    await enqueuePlan(db, [
      { op: 'group.create', name: 'Services 3' },
      { op: 'group.addAccounts', groupId: 'new:Services 3', accountIds: [A[2]!] },
      { op: 'group.rename', groupId: G.services2, name: 'North' },
    ]);
    const marks = pendingMarks(await optimisticView(db));
    expect(marks.groups['new:Services 3']).toMatchObject({ created: true, name: 'Services 3', accounts: { [A[2]!]: true } });
    expect(marks.groups[G.services2]).toMatchObject({ created: false, name: 'North' });
  });

  it('marks hold the view’s value, so they stay right when the confirmed tables already have the change', () => {
    const m = { created: false, accounts: { x: true, y: false }, userRoles: {} };
    expect(mergeMembers(['x', 'z'], m)).toMatchObject({ members: ['x', 'z'], pendingAdd: new Set(), pendingRemove: new Set() });
  });

  it('a landed op stays in the view until a refresh begun after it completes', async () => {
    await open();
    const { entries } = await enqueuePlan(db, [{ op: 'group.addAccounts', groupId: G.services1, accountIds: [A[2]!] }]);
    const id = entries[0]!.id;
    const result = (status: 'inflight' | 'applied') =>
      recordResult(db, { id, planId: 'p', seq: 1, round: 0, args: entries[0]!.args, precondition: { expect: [] }, status, attempts: 1, createdAt: 0, updatedAt: 0 });
    await result('applied');
    expect((await db.outbox.get(id))!.status).toBe('applied');
    // The platform took it, the cache does not have it yet: still on screen, as pending.
    expect((await viewEntries(db)).map((e) => e.id)).toEqual([id]);
    expect(pendingMarks(await optimisticView(db)).groups[G.services1]!.accounts).toEqual({ [A[2]!]: true });
    // A refresh that began before it landed proves nothing…
    expect(await settleLanded(db, '2000-01-01T00:00:00.000Z')).toBe(0);
    expect(await viewEntries(db)).toHaveLength(1);
    // …one begun after it has brought it in.
    expect(await settleLanded(db, new Date(Date.now() + 1000).toISOString())).toBe(1);
    expect(await viewEntries(db)).toHaveLength(0);
  });

  it('every screen shares one view per cache and outbox state', async () => {
    await open();
    await enqueuePlan(db, [{ op: 'group.rename', groupId: G.services1, name: 'B' }]);
    const a = await optimisticView(db);
    expect(await optimisticView(db)).toBe(a);
    await enqueuePlan(db, [{ op: 'group.rename', groupId: G.services1, name: 'C' }]);
    const b = await optimisticView(db);
    expect(b).not.toBe(a);
    expect(b.confirmed).toBe(a.confirmed);
    expect(b.state.groups.get(G.services1)!.name).toBe('C');
  });

  it('describes ops by name, truncating long account lists', () => {
    const names = { group: (id: string) => (id === 'g' ? 'Services 1' : id), account: (id: string) => `Acc ${id}`, role: String, user: String, service: String };
    const text = describeOp({ op: 'group.addAccounts', groupId: 'g', accountIds: ['1', '2', '3', '4', '5', '6', '7'] }, names);
    expect(text).toBe('Add 7 accounts to “Services 1”: Acc 1, Acc 2, Acc 3, Acc 4, Acc 5 and 2 more.');
  });
});
