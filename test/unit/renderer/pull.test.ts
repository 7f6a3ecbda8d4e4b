import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { RosterError, type PullResult, type RosterBridge } from '../../../shared/ipc';
import { OBJECT_TYPES, type ObjectType } from '../../../shared/model';
import { allAccountLinks, openRosterDb, type RosterDb } from '../../../renderer/src/cache';
import { PULL_ORDER, refresh } from '../../../renderer/src/sync/pull';

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

/** A bridge that hashes like main does (content in, hash out) and answers "unchanged" to a matching knownHash. */
const hashingBridge = (snapshot = exampleSnapshot()) => {
  const asked: { objectType: ObjectType; knownHash?: string }[] = [];
  const hashOf = (t: ObjectType) => `h:${JSON.stringify(snapshot[t]).length}:${snapshot[t].length}`;
  const b: Pick<RosterBridge, 'invoke'> = {
    invoke: (async (_channel: string, input: { objectType: ObjectType; knownHash?: string }) => {
      asked.push(input);
      const hash = hashOf(input.objectType);
      if (input.knownHash === hash) return { objectType: input.objectType, records: [], quarantined: [], complete: true, hash, unchanged: true } satisfies PullResult;
      return { objectType: input.objectType, records: snapshot[input.objectType], quarantined: [], complete: true, hash } satisfies PullResult;
    }) as RosterBridge['invoke'],
  };
  return { bridge: b, asked, snapshot };
};

describe('refresh: per-scope hash', () => {
  it('sends the hash it holds; an unchanged scope writes nothing and the cache stays as it was', async () => {
    db = openRosterDb(`pull-${++n}`);
    const h = hashingBridge();
    await refresh(db, h.bridge);
    expect(h.asked.every((a) => a.knownHash === undefined)).toBe(true);
    h.asked.length = 0;
    const again = await refresh(db, h.bridge);
    expect(h.asked.every((a) => typeof a.knownHash === 'string')).toBe(true);
    expect(again.outcomes.every((o) => o.unchanged && o.written === 0)).toBe(true);
    expect(await db.AccountGroup.count()).toBe(3);
  });

  it('a changed scope is written; the others stay unchanged', async () => {
    db = openRosterDb(`pull-${++n}`);
    const h = hashingBridge();
    await refresh(db, h.bridge);
    h.snapshot.AccountGroup = h.snapshot.AccountGroup.map((g) => (g.name === 'Services 1' ? { ...g, name: 'Services East' } : g));
    const r = await refresh(db, h.bridge);
    const changed = r.outcomes.filter((o) => !o.unchanged);
    expect(changed.map((o) => o.objectType)).toEqual(['AccountGroup']);
    expect(changed[0]!.written).toBe(1);
    expect((await db.AccountGroup.toArray()).map((g) => g.name)).toContain('Services East');
  });

  it('main says unchanged but the cache no longer holds that hash: the scope is pulled again in full', async () => {
    db = openRosterDb(`pull-${++n}`);
    const h = hashingBridge();
    await refresh(db, h.bridge, undefined, ['Role']);
    const stale: Pick<RosterBridge, 'invoke'> = {
      invoke: (async (_c: string, input: { objectType: ObjectType; knownHash?: string }) =>
        input.knownHash
          ? { objectType: input.objectType, records: [], quarantined: [], complete: true, hash: 'not-what-the-cache-holds', unchanged: true }
          : { objectType: input.objectType, records: h.snapshot.Role.slice(1), quarantined: [], complete: true, hash: 'h-new' }) as RosterBridge['invoke'],
    };
    const r = await refresh(db, stale, undefined, ['Role']);
    expect(r.outcomes[0]).toMatchObject({ unchanged: false, deleted: 1 });
    expect(await db.Role.count()).toBe(h.snapshot.Role.length - 1);
  });

  it('scopes on screen first — the Groups screen\'s types are asked for before the rest', async () => {
    db = openRosterDb(`pull-${++n}`);
    const h = hashingBridge();
    await refresh(db, h.bridge);
    expect(new Set(PULL_ORDER)).toEqual(new Set(OBJECT_TYPES));
    const order = h.asked.map((a) => a.objectType);
    expect(order.slice(0, 2)).toEqual(['AccountGroup', 'AccountGroupAccount']);
    expect(order.indexOf('AccountGroupUserRole')).toBeLessThan(order.indexOf('PartnerService'));
  });

  it('offline mid-refresh stops asking, keeps what was cached and reports offline', async () => {
    db = openRosterDb(`pull-${++n}`);
    await refresh(db, bridge());
    let calls = 0;
    const r = await refresh(db, bridge(undefined, () => (++calls >= 3 ? new RosterError('offline', 'platform unreachable') : undefined)));
    expect(r.online).toBe(false);
    expect(calls).toBeLessThan(OBJECT_TYPES.length);
    expect(await allAccountLinks(db.AccountGroupAccount)).toHaveLength(8);
  });
});
