import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcEvents, RosterBridge } from '../../../../shared/ipc';
import { exampleSnapshot } from '../../../../shared/seeds/example';
import type { Snapshot } from '../../../../shared/model';
import type { OutboxOp } from '../../../../shared/sync/types';
import { applyScan, openRosterDb, type RosterDb } from '../../../../renderer/src/cache';
import { enqueuePlan } from '../../../../renderer/src/sync/outbox';
import { reconcileOutbox, resolveEntry } from '../../../../renderer/src/sync/outbox';
import { startSync } from '../../../../renderer/src/sync/push';

const SERVICES_1 = '5e7c1ce1-0000-4000-8000-000000000002';
let db: RosterDb;
let n = 0;
afterEach(async () => db?.delete());

const fill = async (s: Snapshot) => {
  for (const t of Object.keys(s) as (keyof Snapshot)[]) await applyScan(db, { objectType: t, records: s[t] as never, quarantined: [], complete: true });
};
const settle = () => new Promise((r) => setTimeout(r, 30));

const fakeBridge = (sent: OutboxOp[][]) => ({
  invoke: (async (channel: string, input: { ops: OutboxOp[] }) => {
    if (channel === 'sync.push') sent.push(input.ops);
    return { done: 0, total: input.ops.length, rate: 0, etaMs: null, paused: false, running: input.ops.length };
  }) as RosterBridge['invoke'],
  on: <E extends keyof IpcEvents>(_e: E, _l: (p: IpcEvents[E]) => void) => () => undefined,
});

describe('push loop', () => {
  it('working offline sends nothing; a conflict resolved with keep mine is sent once back online, with the new precondition', async () => {
    db = openRosterDb(`push-loop-${++n}`);
    await fill(exampleSnapshot());
    const sent: OutboxOp[][] = [];
    let online = false;
    const loop = startSync(db, fakeBridge(sent), { isOnline: () => online });
    await enqueuePlan(db, [{ op: 'group.rename', groupId: SERVICES_1, name: 'Services North' }]);
    await settle();
    expect(await loop.kick()).toBe(0); // offline: nothing handed (so going online refreshes at once)
    expect(sent).toEqual([]);
    // Another admin renamed it meanwhile: the pull makes the entry a conflict, not a push.
    const theirs = exampleSnapshot();
    theirs.AccountGroup.find((g) => g.id === SERVICES_1)!.name = 'Services East';
    await fill(theirs);
    expect(await reconcileOutbox(db)).toBe(1);
    online = true;
    expect(await loop.kick()).toBe(0);
    expect(sent).toEqual([]);
    // Keep mine puts it back to pending: the loop sends it without any new entry being queued.
    const [e] = await db.outbox.toArray();
    await resolveEntry(db, e!.id, 'keepMine');
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((o) => [o.args, o.precondition.expect[0]?.value])).toEqual([[{ op: 'group.rename', groupId: SERVICES_1, name: 'Services North', fromName: 'Services East' }, 'Services East']]);
    // Still unconfirmed, it is handed again on the next kick (main answers it from its journal), and counted.
    expect(await loop.kick()).toBe(1);
    loop.stop();
  });
});
