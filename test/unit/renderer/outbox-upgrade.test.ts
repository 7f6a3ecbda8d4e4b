import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { exampleSnapshot, EXAMPLE } from '../../../shared/seeds/example';
import { OutboxOp } from '../../../shared/sync/types';
import { OBJECT_TYPES } from '../../../shared/model';
import { byGroup, CONFIRMED_SCHEMA, openRosterDb, recordKey, type RosterDb } from '../../../renderer/src/cache';
import { pushable } from '../../../renderer/src/sync/outbox';

let db: RosterDb;
let n = 0;
afterEach(async () => db?.delete());

const G1 = EXAMPLE.groups.services1;
const rename = (name: string, fromName: string) => ({ op: 'group.rename' as const, groupId: G1, name, fromName });

/** A cache as version 7 left it: confirmed groups and an outbox in the old row format. */
const version7 = async (name: string, rows: object[]) => {
  const v7 = new Dexie(name);
  v7.version(7).stores({
    ...CONFIRMED_SCHEMA, syncState: '[objectType+scope], objectType', quarantine: '++id, objectType, seenAt', outbox: 'id, &seq, planId, status',
    groupCounts: '[objectType+accountGroupId], objectType', history: 'planId, appliedAt', baselines: 'id, savedAt', reviews: 'id, createdAt',
  });
  const snap = exampleSnapshot();
  for (const t of OBJECT_TYPES) {
    const rows = (snap[t] as object[]).map((r) => ({ ...r, key: recordKey(t, r as never) }));
    if (t === 'AccountGroupAccount') await v7.table(t).bulkPut([...byGroup(rows as never)].map(([accountGroupId, links]) => ({ accountGroupId, links })));
    else await v7.table(t).bulkPut(rows);
  }
  await v7.table('outbox').bulkPut(rows);
  v7.close();
};

const at = '2026-11-30T08:00:00.000Z';
const expectName = (value: string) => ({ expect: [{ type: 'AccountGroup', id: G1, field: 'name', value }] });

describe('outbox upgrade to one record (cache version 9)', () => {
  it('rewrites every queued row as an OutboxOp: statuses in the engine vocabulary, rounds kept, nothing lost', async () => {
    const name = `outbox-upgrade-${++n}`;
    await version7(name, [
      { id: 'a', seq: 1, planId: 'p1', op: rename('B', 'Services 1'), status: 'pending', attempts: 0, lastError: null, createdAt: at, precondition: expectName('Services 1') },
      { id: 'b', seq: 2, planId: 'p2', op: { op: 'role.delete', roleId: 'r1' }, status: 'done', result: 'unchanged', attempts: 1, lastError: null, createdAt: at, landedAt: at, precondition: { expect: [] } },
      { id: 'c', seq: 3, planId: 'p3', op: { op: 'role.delete', roleId: 'r2' }, status: 'sending', round: 2, attempts: 1, lastError: null, createdAt: at, precondition: { expect: [] } },
      { id: 'd', seq: 4, planId: 'p4', op: { op: 'role.delete', roleId: 'r3' }, status: 'failed', attempts: 3, lastError: 'HTTP 400', createdAt: at, precondition: { expect: [] } },
      { id: 'e', seq: 5, planId: 'p5', op: { op: 'role.delete', roleId: 'r4' }, status: 'done', attempts: 1, lastError: null, createdAt: at, precondition: { expect: [] } },
    ]);
    db = openRosterDb(name);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.id, r.status, r.round])).toEqual([
      ['a', 'pending', 0], ['b', 'unchanged', 0], ['c', 'inflight', 2], ['d', 'failed', 0], ['e', 'applied', 0],
    ]);
    expect(rows[0]).toMatchObject({ args: rename('B', 'Services 1'), precondition: expectName('Services 1'), createdAt: Date.parse(at) });
    expect(rows[1]!.landedAt).toBe(Date.parse(at));
    expect(rows[3]!.lastError).toBe('HTTP 400');
    expect(rows[0]!.lastError).toBeUndefined();
    // Each row is the record sync.push validates: it can go to main as it is.
    for (const r of rows) expect(OutboxOp.safeParse(r).success).toBe(true);
    expect((await pushable(db)).map((o) => [o.id, o.round])).toEqual([['a', 0], ['c', 2]]);
  });

  it('a row queued but never given its precondition gets it from confirmed ⊕ the unconfirmed ops ahead of it, with its inverse', async () => {
    const name = `outbox-upgrade-${++n}`;
    await version7(name, [
      { id: 'a', seq: 1, planId: 'p1', op: rename('B', 'Services 1'), status: 'pending', attempts: 0, lastError: null, createdAt: at, precondition: expectName('Services 1') },
      { id: 'b', seq: 2, planId: 'p2', op: { op: 'group.rename', groupId: G1, name: 'C' }, status: 'pending', attempts: 0, lastError: null, createdAt: at },
    ]);
    db = openRosterDb(name);
    const b = (await db.outbox.get('b'))!;
    expect(b.precondition).toEqual(expectName('B'));
    expect(b.args).toEqual(rename('C', 'B'));
    expect(b.inverse!.ops).toEqual([rename('B', 'C')]);
  });
});
