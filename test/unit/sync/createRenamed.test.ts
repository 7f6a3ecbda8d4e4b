import { describe, expect, it } from 'vitest';
import { adoption, rewireGroup } from '../../../shared/sync/adopt';
import { seededRandom } from '../../../shared/sync/clock';
import { PushEngine } from '../../../shared/sync/engine';
import { GroupLedger } from '../../../shared/sync/groupLedger';
import { MemoryOutboxStore, toOutboxOps } from '../../../shared/sync/outbox';
import { resolveConflict } from '../../../shared/sync/reconcile';
import type { OutboxOp } from '../../../shared/sync/types';
import { FakeClock } from './clock';
import { FakeApi } from './fakeApi';
import { A, PRIMARY, push, racedCreatePlatform } from './helpers';

const names = (api: FakeApi) => [...api.table('AccountGroup').values()].map((g) => g.name);

const again = async (api: FakeApi, ops: OutboxOp[]): Promise<OutboxOp[]> => {
  const store = new MemoryOutboxStore(ops);
  const engine = new PushEngine({ api, accountId: PRIMARY, store, clock: new FakeClock(), random: seededRandom(3) });
  engine.enqueue(await store.unfinished());
  await engine.drained();
  return store.all();
};

describe('a create that may have been renamed by someone else (never duplicate a create)', () => {
  it('keep mine creates the group again, on purpose: both groups exist and the admin saw why', async () => {
    const api = racedCreatePlatform('Theirs');
    const { ops } = await push(api, [{ op: 'group.create', name: 'Fresh' }]);
    expect(ops[0]!.status).toBe('conflict');
    const kept = resolveConflict(ops[0]!, 'keepMine', api.snapshot(), 1)!;
    expect((await again(api, [kept]))[0]!.status).toBe('applied');
    expect(names(api).filter((n) => n === 'Fresh' || n === 'Theirs').sort()).toEqual(['Fresh', 'Theirs']);
  });

  it('take theirs adopts the renamed group: the changes queued on new:<name> land on it, nothing is created', async () => {
    const api = racedCreatePlatform('Theirs');
    const { ops } = await push(api, [{ op: 'group.create', name: 'Fresh' }]);
    const a = adoption(ops[0]!)!;
    const theirs = [...api.table('AccountGroup').values()].find((g) => g.name === 'Theirs')!;
    expect(a).toEqual({ from: 'new:Fresh', to: theirs.id });
    expect(resolveConflict(ops[0]!, 'takeTheirs', api.snapshot(), 1)).toBeNull();
    const dependent: OutboxOp = {
      id: 'd', planId: 'p', seq: 2, round: 0, args: { op: 'group.addAccounts', groupId: 'new:Fresh', accountIds: [A[0]!] },
      precondition: { expect: [] }, status: 'pending', attempts: 0, createdAt: 0, updatedAt: 0,
    };
    const [landed] = await again(api, [rewireGroup(dependent, a.from, a.to)]);
    expect(landed).toMatchObject({ status: 'applied', args: { groupId: theirs.id } });
    expect(api.table('AccountGroupAccount').has(`${theirs.id}|${A[0]}`)).toBe(true);
    expect(names(api)).not.toContain('Fresh');
  });

  it('a create cancelled after its dropped answer (going offline) keeps its record for the next engine sharing the ledger: still a conflict, no second create', async () => {
    const api = racedCreatePlatform('Theirs');
    const store = new MemoryOutboxStore(toOutboxOps('p', [{ op: 'group.create', name: 'Fresh' }], api.snapshot(), 0));
    const groups = new GroupLedger(new FakeClock());
    const engine = (): PushEngine => new PushEngine({ api, accountId: PRIMARY, store, clock: new FakeClock(), random: seededRandom(3), groups });
    const first = engine();
    const create = api.create;
    api.create = (type, body) => {
      first.cancel();
      return create(type, body);
    };
    first.enqueue(await store.unfinished());
    await first.drained();
    api.create = create;
    expect((await store.all())[0]!.status).toBe('inflight');
    const second = engine();
    second.enqueue(await store.unfinished());
    await second.drained();
    expect((await store.all())[0]!.status).toBe('conflict');
    expect(names(api)).not.toContain('Fresh');
  });

  it('nothing to adopt for other conflicts, and ops on other groups are left as they are', () => {
    const op: OutboxOp = {
      id: 'x', planId: 'p', seq: 1, round: 0, args: { op: 'group.rename', groupId: 'g', name: 'N' }, precondition: { expect: [] },
      status: 'conflict', conflict: [{ expectation: { type: 'AccountGroup', id: 'g', field: 'name', value: 'O' }, theirs: 'T' }], attempts: 1, createdAt: 0, updatedAt: 0,
    };
    expect(adoption(op)).toBeUndefined();
    expect(rewireGroup(op, 'new:Fresh', 'real')).toBe(op);
  });
});
