import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../shared/model';
import { BUILT_IN_ROLE_IDS } from '../../../../shared/seeds/builtInRoles';
import { EXAMPLE } from '../../../../shared/seeds/example';
import { demoSnapshot } from '../../../../shared/seeds/demo';
import { applyScan, openRosterDb, type RosterDb } from '../../../../renderer/src/cache';
import { enqueuePlan, pushable, recordResult } from '../../../../renderer/src/sync/outbox';
import { optimisticView } from '../../../../renderer/src/domain/optimisticView';
import { withdrawEntries } from '../../../../renderer/src/sync/withdraw';
import { historyEntries, recordIfFinished } from '../../../../renderer/src/history/record';
import { describeOutcome } from '../../../../renderer/src/history/notice';

let db: RosterDb;
let n = 0;
afterEach(async () => db?.delete());

const open = async (s: Snapshot = demoSnapshot()) => {
  db = openRosterDb(`history-${++n}`);
  for (const t of Object.keys(s) as (keyof Snapshot)[]) await applyScan(db, { objectType: t, records: s[t] as never, quarantined: [], complete: true });
};

const { groups, users, accounts } = EXAMPLE;
const STD = BUILT_IN_ROLE_IDS['Standard User'];
const ctx = { platform: 'Embedded platform http://127.0.0.1:1', admin: 'admin@roster.local' };

describe('History: applied plans with their inverse', () => {
  it('R7: removing ServUser2 from Services 1 lands in History once, with each op’s result and the plan that undoes it', async () => {
    await open();
    const { planId } = await enqueuePlan(db, [{ op: 'group.removeUserRoles', groupId: groups.services1, userIds: [users[1]], roleIds: [STD] }]);
    const [op] = await pushable(db);
    expect(await recordIfFinished(db, planId, ctx)).toBeNull(); // not answered yet
    await recordResult(db, { ...op!, status: 'applied' });
    const outcome = await recordIfFinished(db, planId, ctx, new Date('2026-12-02T06:00:00Z'));
    expect(outcome).toMatchObject({ applied: 1, failed: 0 });
    expect(describeOutcome(outcome!)).toMatchObject({ severity: 'success', message: '1 change landed on the platform' });
    expect(await recordIfFinished(db, planId, ctx)).toBeNull(); // told once
    const [h] = await historyEntries(db);
    expect(h).toMatchObject({ planId, platform: ctx.platform, admin: ctx.admin, appliedAt: '2026-12-02T06:00:00.000Z' });
    expect(h!.ops.map((o) => o.status)).toEqual(['applied']);
    expect(h!.inverse).toEqual([{ op: 'group.addUserRoles', groupId: groups.services1, userIds: [users[1]], roleIds: [STD] }]);
  });

  it('a failed op is told with its message and is not undone; an unchanged one has nothing to undo', async () => {
    await open();
    const { planId } = await enqueuePlan(db, [
      { op: 'group.addAccounts', groupId: groups.services1, accountIds: [accounts[0].accountId] },
      { op: 'group.addAccounts', groupId: groups.services2, accountIds: [accounts[0].accountId] },
    ]);
    const [a, b] = await pushable(db);
    await recordResult(db, { ...a!, status: 'unchanged' });
    await recordResult(db, { ...b!, status: 'failed', lastError: 'HTTP 503' });
    const outcome = (await recordIfFinished(db, planId, ctx))!;
    expect(describeOutcome(outcome)).toMatchObject({ severity: 'error', message: '1 change failed on the platform: HTTP 503' });
    expect(outcome.entry.inverse).toEqual([]);
  });
});

describe('Withdraw', () => {
  it('takes a pending change out of the outbox when main has not started it; the view updates at once', async () => {
    await open();
    await enqueuePlan(db, [{ op: 'group.removeUserRoles', groupId: groups.services1, userIds: [users[1]], roleIds: [STD] }]);
    const [e] = await db.outbox.toArray();
    const inGroup = async () => ((await optimisticView(db)).state.userGroupRoles.getSet(users[1]!, groups.services1)?.size ?? 0) > 0;
    expect(await inGroup()).toBe(false);
    const asked: string[][] = [];
    const bridge = { invoke: (async (_c: string, input: { ops: { id: string; round: number }[] }) => (asked.push(input.ops.map((o) => o.id)), { withdrawn: input.ops.map((o) => o.id), sending: [] })) as never };
    expect(await withdrawEntries(db, bridge, [e!.id])).toEqual({ withdrawn: [e!.id], refused: [] });
    expect(asked).toEqual([[e!.id]]);
    expect(await db.outbox.count()).toBe(0);
    expect(await inGroup()).toBe(true);
  });

  it('refuses what main is already sending, and what is not pending, saying why', async () => {
    await open();
    await enqueuePlan(db, [
      { op: 'group.rename', groupId: groups.services1, name: 'North' },
      { op: 'group.rename', groupId: groups.services2, name: 'South' },
    ]);
    const [a, b] = await db.outbox.orderBy('seq').toArray();
    await db.outbox.update(b!.id, { status: 'failed' });
    const bridge = { invoke: (async () => ({ withdrawn: [], sending: [a!.id] })) as never };
    const r = await withdrawEntries(db, bridge, [a!.id, b!.id]);
    expect(r.withdrawn).toEqual([]);
    expect(r.refused).toEqual([{ id: b!.id, reason: 'it is failed' }, { id: a!.id, reason: 'it is already being sent' }]);
    expect(await db.outbox.count()).toBe(2);
  });
});
