import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api';
import type { PlanOp } from '../../../shared/plans/types';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { seededRandom } from '../../../shared/sync/clock';
import { PushEngine } from '../../../shared/sync/engine';
import { MemoryOutboxStore, toOutboxOps } from '../../../shared/sync/outbox';
import { opKey, type Progress } from '../../../shared/sync/types';
import { FakeClock } from './clock';
import { FakeApi } from './fakeApi';
import { A, G, PRIMARY, push, racedCreatePlatform, U } from './helpers';

const STD = BUILT_IN_ROLE_IDS['Standard User'];
const SUP = BUILT_IN_ROLE_IDS.Support;

const PLAN: PlanOp[] = [
  { op: 'group.create', name: 'Services 3' },
  { op: 'group.addAccounts', groupId: 'new:Services 3', accountIds: [A[0]!, A[2]!] },
  { op: 'group.addUserRoles', groupId: 'new:Services 3', userIds: [U[0], U[3]], roleIds: [STD] },
  { op: 'group.removeAccounts', groupId: G.services1, accountIds: [A[1]!] },
  { op: 'account.setSupportAccessRole', accountId: A[0]!, roleId: SUP },
];

const duplicates = (api: FakeApi): string[] => {
  const seen = new Set<string>();
  return api.commits.filter((c) => c.verb === 'create').map((c) => `${c.type}|${c.key}`).filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
};

const groupNamed = (api: FakeApi, name: string) => [...api.table('AccountGroup').values()].filter((g) => g.name === name);

describe('PushEngine', () => {
  it('pushes a plan in order; a provisional group is resolved by name after its create', async () => {
    const api = new FakeApi(exampleSnapshot());
    const { ops } = await push(api, PLAN);
    expect(ops.map((o) => o.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    const [g] = groupNamed(api, 'Services 3');
    expect(g).toBeDefined();
    expect(api.table('AccountGroupAccount').has(`${g!.id}|${A[2]}`)).toBe(true);
    expect(api.table('AccountGroupUserRole').has(`${g!.id}|${U[3]}|${STD}`)).toBe(true);
    expect(api.table('AccountGroupAccount').has(`${G.services1}|${A[1]}`)).toBe(false);
  });

  it('attempts count tries of the op, not its API calls: a clean three-account add is one attempt', async () => {
    const api = new FakeApi(exampleSnapshot());
    const { ops } = await push(api, [{ op: 'group.addAccounts', groupId: G.services2, accountIds: [A[0]!, A[1]!] }, { op: 'group.create', name: 'Solo' }]);
    expect(ops.map((o) => [o.status, o.attempts])).toEqual([['applied', 1], ['applied', 1]]);
  });

  it('re-applying the same plan against a fresh snapshot changes nothing: every op unchanged, no request', async () => {
    const api = new FakeApi(exampleSnapshot());
    await push(api, PLAN);
    const before = api.calls;
    const { ops } = await push(api, PLAN, { known: api.snapshot() });
    expect(ops.map((o) => o.status)).toEqual(Array(PLAN.length).fill('unchanged'));
    expect(api.calls).toBe(before);
  });

  it('without a snapshot, a 4xx whose effect already holds (409 on an existing link) is unchanged', async () => {
    const api = new FakeApi(exampleSnapshot());
    const { ops } = await push(api, [{ op: 'group.addAccounts', groupId: G.services1, accountIds: [A[0]!] }]);
    expect(ops[0]!.status).toBe('unchanged');
  });

  it('"already exists" but gone by the check (another admin removed it between): sent once more, applied', async () => {
    const api = new FakeApi(exampleSnapshot());
    const create = api.create;
    let raced = false;
    api.create = async (type, body) => {
      const out = create(type, body);
      if (!raced) {
        raced = true;
        await out.catch(() => undefined);
        api.table('AccountGroupAccount').delete(`${G.services1}|${A[0]}`);
      }
      return out;
    };
    const { ops } = await push(api, [{ op: 'group.addAccounts', groupId: G.services1, accountIds: [A[0]!] }]);
    expect(ops[0]).toMatchObject({ status: 'applied' });
    expect(api.table('AccountGroupAccount').has(`${G.services1}|${A[0]}`)).toBe(true);
  });

  it('a group renamed by someone else between a dropped create and its check is a conflict naming that group, never a second create (fuzz seed 156)', async () => {
    const api = racedCreatePlatform('Renamed by someone else');
    const { ops } = await push(api, [{ op: 'group.create', name: 'Fresh' }, { op: 'group.addAccounts', groupId: 'new:Fresh', accountIds: [A[0]!] }]);
    expect(groupNamed(api, 'Fresh')).toHaveLength(0);
    const [renamed] = groupNamed(api, 'Renamed by someone else');
    expect(ops[0]).toMatchObject({ status: 'conflict', conflict: [{ expectation: { type: 'AccountGroup', id: renamed!.id, field: 'name', value: 'Fresh' }, theirs: 'Renamed by someone else' }] });
    expect(ops[0]!.lastError).toMatch(/may have been created and then renamed to "Renamed by someone else"/);
    // What depended on the group waits for the admin's answer as a visible failure, not on a guess.
    expect(ops[1]).toMatchObject({ status: 'failed' });
    expect(ops[1]!.lastError).toMatch(/is in conflict/);
  });

  it('a dropped create that never landed is sent again even though other groups appeared meanwhile, if they are this engine\'s own', async () => {
    const api = new FakeApi(exampleSnapshot());
    const create = api.create;
    let first = true;
    api.create = async (type, body) => {
      if (first && type === 'AccountGroup' && (body as { name: string }).name === 'One') {
        first = false;
        throw new ApiError('network', 0, 'socket hang up (before the platform acted)');
      }
      return create(type, body);
    };
    const { ops } = await push(api, [{ op: 'group.create', name: 'Two' }, { op: 'group.create', name: 'One' }, { op: 'group.create', name: 'Three' }], { concurrency: 1 });
    expect(ops.map((o) => o.status)).toEqual(['applied', 'applied', 'applied']);
    expect(['One', 'Two', 'Three'].map((n) => groupNamed(api, n).length)).toEqual([1, 1, 1]);
  });
  
  it('the listing a create is checked against is taken once per engine, not per create (the floor of a 1,000-create plan stays one call per create)', async () => {
    const api = new FakeApi(exampleSnapshot());
    await push(api, Array.from({ length: 20 }, (_, i) => ({ op: 'group.create' as const, name: `Bulk ${i}` })));
    const before = api.calls;
    await push(api, Array.from({ length: 20 }, (_, i) => ({ op: 'group.create' as const, name: `More ${i}` })));
    expect(api.calls - before).toBe(21);
  });

  it('a 4xx refusal fails that op with the platform message; the rest continue', async () => {
    const api = new FakeApi(exampleSnapshot());
    const { ops } = await push(api, [
      { op: 'group.addAccounts', groupId: 'no-such-group', accountIds: [A[0]!] },
      { op: 'role.delete', roleId: STD },
      { op: 'group.addAccounts', groupId: G.services1, accountIds: [A[3]!] },
    ]);
    expect(ops[0]!.status).toBe('applied'); // the fake accepts unknown groups; the real platform's refusal is covered in the fuzz
    expect(ops[1]!.status).toBe('failed');
    expect(ops[1]!.lastError).toMatch(/R21/);
    expect(ops[2]!.status).toBe('applied');
  });

  it('never duplicates or loses a change under 503, 500, dropped connections and commit-then-drop', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const api = new FakeApi(exampleSnapshot(), seededRandom(seed));
      api.faults = { p503: 0.1, p500: 0.1, drop: 0.1, commitDrop: 0.2 };
      const { ops } = await push(api, PLAN, { random: seededRandom(seed + 100) });
      expect(ops.every((o) => o.status === 'applied')).toBe(true);
      expect(duplicates(api)).toEqual([]);
      expect(groupNamed(api, 'Services 3')).toHaveLength(1);
      expect(api.table('AccountGroupUserRole').has(`${groupNamed(api, 'Services 3')[0]!.id}|${U[0]}|${STD}`)).toBe(true);
    }
  });

  it('401 pauses the whole queue until the admin signs in again', async () => {
    const api = new FakeApi(exampleSnapshot());
    api.unauthorized = true;
    const store = new MemoryOutboxStore();
    await store.put(toOutboxOps('p', PLAN, api.snapshot(), 0));
    const seen: Progress[] = [];
    const engine = new PushEngine({ api, accountId: PRIMARY, store, clock: new FakeClock(), random: seededRandom(1), onProgress: (p) => seen.push(p) });
    engine.enqueue(await store.unfinished());
    await new Promise((r) => setTimeout(r, 20));
    expect(engine.progress()).toMatchObject({ paused: true, pausedReason: 'auth', done: 0 });
    api.unauthorized = false;
    engine.reauthenticate(api);
    await engine.drained();
    expect((await store.all()).every((o) => o.status === 'applied')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ done: seen.at(-1)!.total, paused: false });
  });

  it('pause stops sending; resume finishes; progress counts calls done/total', async () => {
    const api = new FakeApi(exampleSnapshot());
    const store = new MemoryOutboxStore();
    await store.put(toOutboxOps('p', PLAN, api.snapshot(), 0));
    const engine = new PushEngine({ api, accountId: PRIMARY, store, clock: new FakeClock(), random: seededRandom(1), concurrency: 1 });
    engine.pause();
    engine.enqueue(await store.unfinished());
    await new Promise((r) => setTimeout(r, 10));
    expect(api.calls).toBe(0);
    expect(engine.progress()).toMatchObject({ done: 0, total: 7, paused: true });
    engine.resume();
    await engine.drained();
    expect(engine.progress()).toMatchObject({ done: 7, total: 7, etaMs: 0 });
  });

  it('cancel leaves unfinished ops in the outbox; a later run finishes them exactly once', async () => {
    const api = new FakeApi(exampleSnapshot());
    const store = new MemoryOutboxStore();
    const ops: PlanOp[] = [{ op: 'group.addAccounts', groupId: G.services2, accountIds: A }];
    await store.put(toOutboxOps('p', ops, api.snapshot(), 0));
    const engine = new PushEngine({ api, accountId: PRIMARY, store, clock: new FakeClock(), random: seededRandom(1), concurrency: 1 });
    engine.enqueue(await store.unfinished());
    engine.cancel();
    await engine.drained();
    expect((await store.unfinished()).length).toBe(1);
    const again = new PushEngine({ api, accountId: PRIMARY, store, clock: new FakeClock(), random: seededRandom(2) });
    again.enqueue(await store.unfinished());
    await again.drained();
    expect((await store.all())[0]!.status).toBe('applied');
    expect(duplicates(api)).toEqual([]);
    expect(A.every((a) => api.table('AccountGroupAccount').has(`${G.services2}|${a}`))).toBe(true);
  });

  it('crash mid-push of 500 ops: restart from the persisted outbox, all land exactly once', async () => {
    const s = exampleSnapshot();
    const users = Array.from({ length: 100 }, (_, i) => `crash${i}@x.com`);
    const api = new FakeApi(s, seededRandom(9));
    api.faults = { p503: 0.05, p500: 0.05, drop: 0.05, commitDrop: 0.05 };
    // Group creates are the ones the platform cannot dedupe: only the check by name keeps them single.
    const ops: PlanOp[] = users.flatMap((u, i) => [
      { op: 'group.create' as const, name: `Crash ${i}` },
      ...A.map((a) => ({ op: 'account.addUserRoles' as const, accountId: a, userIds: [u], roleIds: [STD] })),
    ]);
    expect(ops).toHaveLength(500);
    const store = new MemoryOutboxStore();
    await store.put(toOutboxOps('p', ops, api.snapshot(), 0));
    const first = new PushEngine({ api, accountId: PRIMARY, store, clock: new FakeClock(), random: seededRandom(3), concurrency: 4 });
    // Crash at the 200th commit: the disk holds whatever the store had at that instant.
    let onDisk: ReturnType<MemoryOutboxStore['dump']> = [];
    api.afterCommit = (n) => {
      if (n !== 200) return;
      onDisk = store.dump();
      first.cancel();
    };
    first.enqueue(await store.unfinished());
    await first.drained();
    api.afterCommit = undefined;
    // The dead process's in-flight requests may still have committed after the snapshot.
    expect(onDisk.some((o) => o.status === 'inflight')).toBe(true);
    const restarted = new MemoryOutboxStore(onDisk);
    const second = new PushEngine({ api, accountId: PRIMARY, store: restarted, clock: new FakeClock(), random: seededRandom(4), concurrency: 4 });
    second.enqueue(await restarted.unfinished());
    await second.drained();
    const final = await restarted.all();
    expect(final.filter((o) => o.status !== 'applied' && o.status !== 'unchanged')).toEqual([]);
    expect(duplicates(api)).toEqual([]);
    expect(api.commits.filter((c) => c.type === 'AccountUserRole')).toHaveLength(400);
    for (let i = 0; i < 100; i++) expect(groupNamed(api, `Crash ${i}`)).toHaveLength(1);
  });

  it('R10: a Support Access Role someone else changed since the plan is a conflict, not an overwrite', async () => {
    const api = new FakeApi(exampleSnapshot());
    const view = api.snapshot();
    api.table('Account').get(A[0]!)!.supportAccessRoleId = BUILT_IN_ROLE_IDS['Production Support'];
    const { ops } = await push(api, [{ op: 'account.setSupportAccessRole', accountId: A[0]!, roleId: SUP }], { view });
    expect(ops[0]!.status).toBe('conflict');
    expect(ops[0]!.conflict?.[0]?.theirs).toBe(BUILT_IN_ROLE_IDS['Production Support']);
    expect(api.table('Account').get(A[0]!)!.supportAccessRoleId).toBe(BUILT_IN_ROLE_IDS['Production Support']);
  });
});

describe('PushEngine.withdraw', () => {
  it('takes back ops whose calls have not started; the rest run; nothing withdrawn reaches the platform', async () => {
    const api = new FakeApi(exampleSnapshot());
    const store = new MemoryOutboxStore();
    const ops = toOutboxOps('p', PLAN, api.snapshot(), 0);
    await store.put(ops);
    const engine = new PushEngine({ api, accountId: PRIMARY, store, clock: new FakeClock(), random: seededRandom(1), concurrency: 1 });
    engine.pause();
    engine.enqueue(await store.unfinished());
    const removeA1 = ops[3]!.id;
    expect(engine.withdraw(new Set([opKey(ops[3]!), 'unknown']))).toEqual([opKey(ops[3]!)]);
    engine.resume();
    await engine.drained();
    expect(engine.progress()).toMatchObject({ done: 7, total: 7 });
    // The withdrawn removal never happened: A[1] is still in Services 1.
    expect(api.table('AccountGroupAccount').has(`${G.services1}|${A[1]}`)).toBe(true);
    expect((await store.all()).find((o) => o.id === removeA1)!.status).toBe('pending');
    // Once started, an op is not withdrawn: part of it may be on the platform already.
    expect(engine.withdraw(new Set([opKey(ops[0]!)]))).toEqual([]);
  });
});
