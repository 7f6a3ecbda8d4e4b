import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { RosterError, type PullResult, type RosterBridge } from '../../../shared/ipc';
import type { ObjectType } from '../../../shared/model';
import { openRosterDb, type RosterDb } from '../../../renderer/src/cache';
import { refresh } from '../../../renderer/src/sync/pull';

let db: RosterDb;
let n = 0;
afterEach(async () => db?.delete());

/** A bridge answering from a snapshot, the way main would, or failing as told. */
const bridge = (snapshot = exampleSnapshot(), fail?: (t: ObjectType) => Error | undefined): Pick<RosterBridge, 'invoke'> => ({
  invoke: (async (_channel: string, input: { objectType: ObjectType }) => {
    const err = fail?.(input.objectType);
    if (err) throw err;
    const r: PullResult = { objectType: input.objectType, records: snapshot[input.objectType], quarantined: [], complete: true };
    return r;
  }) as RosterBridge['invoke'],
});

describe('refresh', () => {
  it('fills the cache from every object type', async () => {
    db = openRosterDb(`pull-${++n}`);
    const r = await refresh(db, bridge());
    expect(r.online).toBe(true);
    expect(await db.AccountGroup.count()).toBe(3);
    expect(await db.AccountGroupUserRole.count()).toBe(8);
    expect(await db.User.count()).toBe(4);
  });

  it('offline keeps the cache as it was and reports offline', async () => {
    db = openRosterDb(`pull-${++n}`);
    await refresh(db, bridge());
    const r = await refresh(db, bridge(undefined, () => new RosterError('offline', 'platform unreachable')));
    expect(r.online).toBe(false);
    expect(r.offlineReason).toMatch(/unreachable/);
    expect(await db.AccountGroup.count()).toBe(3);
  });

  it('a network failure of the bridge itself counts as offline', async () => {
    db = openRosterDb(`pull-${++n}`);
    const r = await refresh(db, bridge(undefined, () => new TypeError('Failed to fetch')));
    expect(r.online).toBe(false);
  });

  it('a type the platform refuses is reported and the other types still load', async () => {
    db = openRosterDb(`pull-${++n}`);
    const r = await refresh(db, bridge(undefined, (t) => (t === 'Cloud' ? new RosterError('platform', 'no such object') : undefined)));
    expect(r.online).toBe(true);
    expect(r.failures).toEqual([{ objectType: 'Cloud', code: 'platform', message: 'no such object' }]);
    expect(await db.Account.count()).toBe(5);
  });

  it('records that fail the schema are quarantined, not cached', async () => {
    db = openRosterDb(`pull-${++n}`);
    const s = exampleSnapshot();
    (s.AccountGroup as unknown[]).push({ id: 'broken', name: '' });
    await refresh(db, bridge(s), undefined, ['AccountGroup']);
    expect(await db.AccountGroup.count()).toBe(3);
    const q = await db.quarantine.toArray();
    expect(q).toHaveLength(1);
    expect(q[0]!.issues.join(' ')).toMatch(/accountId|name/);
  });
});
