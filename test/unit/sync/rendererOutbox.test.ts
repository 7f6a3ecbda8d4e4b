import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcEvents, RosterBridge } from '../../../shared/ipc';
import type { Snapshot } from '../../../shared/model';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { exampleSnapshot } from '../../../shared/seeds/example';
import type { OutboxOp } from '../../../shared/sync/types';
import { applyScan, openRosterDb, type RosterDb } from '../../../renderer/src/cache';
import { enqueuePlan, pushable, reconcileOutbox, recordResult, resolveEntry } from '../../../renderer/src/sync/outbox';
import { startSync } from '../../../renderer/src/sync/push';
import { optimisticView } from '../../../renderer/src/domain/optimisticView';
import { A, G } from './helpers';

let db: RosterDb;
let n = 0;
afterEach(async () => db?.delete());

const fill = async (s: Snapshot) => {
  for (const t of Object.keys(s) as (keyof Snapshot)[]) await applyScan(db, { objectType: t, records: s[t] as never, quarantined: [], complete: true });
};

const open = async (s = exampleSnapshot()) => {
  db = openRosterDb(`sync-outbox-${++n}`);
  await fill(s);
};

describe('renderer outbox (Dexie) on shared/sync', () => {
  it('queues each op with the precondition of the view it was queued on, and computes the view without touching confirmed', async () => {
    await open();
    await enqueuePlan(db, [{ op: 'group.rename', groupId: G.services1, name: 'B' }, { op: 'group.rename', groupId: G.services1, name: 'C' }]);
    const [a, b] = await db.outbox.orderBy('seq').toArray();
    expect(a!.precondition.expect[0]!.value).toBe('Services 1');
    expect(b!.precondition.expect[0]!.value).toBe('B');
    // The outbox keeps saying where each rename started, whatever the group is called later.
    expect([a!.args, b!.args]).toMatchObject([{ fromName: 'Services 1' }, { fromName: 'B' }]);
    const view = await optimisticView(db);
    expect(view.state.groups.get(G.services1)!.name).toBe('C');
    expect((await db.AccountGroup.get(G.services1))!.name).toBe('Services 1');
  });

  it('R10: a pull that shows someone else changed the Support Access Role turns the entry into a conflict; keep mine requeues it', async () => {
    await open();
    await enqueuePlan(db, [{ op: 'account.setSupportAccessRole', accountId: A[0]!, roleId: BUILT_IN_ROLE_IDS.Support }]);
    const theirs = exampleSnapshot();
    theirs.Account.find((x) => x.accountId === A[0])!.supportAccessRoleId = BUILT_IN_ROLE_IDS['Standard User'];
    await fill(theirs);
    expect(await reconcileOutbox(db)).toBe(1);
    const [e] = await db.outbox.toArray();
    expect(e).toMatchObject({ status: 'conflict' });
    expect(e!.conflict![0]!.theirs).toBe(BUILT_IN_ROLE_IDS['Standard User']);
    expect(await pushable(db)).toEqual([]);
    await resolveEntry(db, e!.id, 'keepMine');
    const [kept] = await pushable(db);
    expect(kept).toMatchObject({ status: 'pending', precondition: { expect: [{ value: BUILT_IN_ROLE_IDS['Standard User'] }] } });
    await resolveEntry(db, e!.id, 'keepMine').catch((err: Error) => expect(err.message).toMatch(/not in conflict/));
  });

  it('records main results (sync.op) back on the entries', async () => {
    await open();
    await enqueuePlan(db, [{ op: 'group.addAccounts', groupId: G.services2, accountIds: [A[0]!] }]);
    const [op] = await pushable(db);
    await recordResult(db, { ...op!, status: 'applied', attempts: 2 });
    const [e] = await db.outbox.toArray();
    expect(e).toMatchObject({ status: 'applied', attempts: 2 });
    expect(await pushable(db)).toEqual([]);
  });

  it('the loop hands new entries to main only while online, and resumes when the connection comes back', async () => {
    await open();
    const sent: OutboxOp[][] = [];
    const listeners = new Map<string, (p: unknown) => void>();
    let online = false;
    const bridge = {
      invoke: (async (channel: string, input: { ops: OutboxOp[] }) => {
        if (channel === 'sync.push') sent.push(input.ops);
        return { done: 0, total: input.ops.length, rate: 0, etaMs: null, paused: false, running: input.ops.length };
      }) as RosterBridge['invoke'],
      on: <E extends keyof IpcEvents>(event: E, l: (p: IpcEvents[E]) => void) => {
        listeners.set(event, l as (p: unknown) => void);
        return () => listeners.delete(event);
      },
    };
    const loop = startSync(db, bridge, { isOnline: () => online });
    await enqueuePlan(db, [{ op: 'group.addAccounts', groupId: G.services2, accountIds: [A[0]!] }]);
    await loop.kick();
    expect(sent).toEqual([]);
    online = true;
    listeners.get('connection.changed')!({ online: true });
    await new Promise((r) => setTimeout(r, 20));
    await loop.kick();
    expect(sent.at(-1)!.map((o) => o.args.op)).toEqual(['group.addAccounts']);
    const op = sent.at(-1)![0]!;
    listeners.get('sync.op')!({ ...op, status: 'applied' });
    await new Promise((r) => setTimeout(r, 20));
    expect((await db.outbox.toArray())[0]!.status).toBe('applied');
    loop.stop();
  });

  it('take theirs on a create that may have been renamed adopts that group: queued changes on new:<name> move to it, one that failed for want of it is queued again', async () => {
    await open();
    await enqueuePlan(db, [
      { op: 'group.create', name: 'Fresh' },
      { op: 'group.addAccounts', groupId: 'new:Fresh', accountIds: [A[0]!] },
      { op: 'group.addAccounts', groupId: G.services2, accountIds: [A[1]!] },
    ]);
    const [create, dependent, other] = await pushable(db);
    await recordResult(db, {
      ...create!, status: 'conflict', lastError: 'may have been renamed',
      conflict: [{ expectation: { type: 'AccountGroup', id: 'g-theirs', field: 'name', value: 'Fresh' }, theirs: 'Theirs', note: 'may have been renamed' }],
    });
    await recordResult(db, { ...dependent!, status: 'failed', lastError: 'group "Fresh" does not exist on the platform' });
    await resolveEntry(db, create!.id, 'takeTheirs');
    expect(await db.outbox.get(create!.id)).toBeUndefined();
    expect(await db.outbox.get(dependent!.id)).toMatchObject({ status: 'pending', round: 1, args: { groupId: 'g-theirs' } });
    expect((await db.outbox.get(dependent!.id))!.lastError).toBeUndefined();
    expect(await db.outbox.get(other!.id)).toMatchObject({ status: 'pending', round: 0, args: { groupId: G.services2 } });
  });

  it('keep mine after a conflict main reported goes back to main as the next round of the same op (main answers a finished round from its journal); a late result of the old round is ignored', async () => {
    await open();
    await enqueuePlan(db, [{ op: 'group.rename', groupId: G.services1, name: 'Mine' }]);
    const [sent] = await pushable(db);
    const conflict = { ...sent!, status: 'conflict' as const, conflict: [{ expectation: { type: 'AccountGroup' as const, id: G.services1, field: 'name', value: 'Services 1' }, theirs: 'Theirs' }] };
    await recordResult(db, conflict);
    await resolveEntry(db, sent!.id, 'keepMine');
    const [again] = await pushable(db);
    expect(again).toMatchObject({ id: sent!.id, round: 1 });
    expect(sent!.round).toBe(0);
    await recordResult(db, conflict);
    expect(await db.outbox.get(sent!.id)).toMatchObject({ status: 'pending' });
    await recordResult(db, { ...again!, status: 'applied' });
    expect(await db.outbox.get(sent!.id)).toMatchObject({ status: 'applied', round: 1 });
  });

  it('keep mine on a create that may have been renamed creates it again, and a change that failed for want of the group is queued again with it', async () => {
    await open();
    await enqueuePlan(db, [{ op: 'group.create', name: 'Fresh' }, { op: 'group.addAccounts', groupId: 'new:Fresh', accountIds: [A[0]!] }]);
    const [create, dependent] = await pushable(db);
    await recordResult(db, {
      ...create!, status: 'conflict',
      conflict: [{ expectation: { type: 'AccountGroup', id: 'g-theirs', field: 'name', value: 'Fresh' }, theirs: 'Theirs', note: 'may have been renamed' }],
    });
    await recordResult(db, { ...dependent!, status: 'failed', lastError: 'group "Fresh" does not exist on the platform' });
    await resolveEntry(db, create!.id, 'keepMine');
    const again = await pushable(db);
    expect(again.map((o) => [o.args.op, o.args])).toEqual([
      ['group.create', { op: 'group.create', name: 'Fresh' }],
      ['group.addAccounts', { op: 'group.addAccounts', groupId: 'new:Fresh', accountIds: [A[0]!] }],
    ]);
    expect(again.map((o) => [o.id, o.round])).toEqual([[create!.id, 1], [dependent!.id, 1]]);
  });
});
