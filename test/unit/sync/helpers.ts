import type { Snapshot } from '../../../shared/model';
import type { PlanOp } from '../../../shared/plans/types';
import { seededRandom } from '../../../shared/sync/clock';
import { PushEngine, type EngineOptions } from '../../../shared/sync/engine';
import { MemoryOutboxStore, toOutboxOps } from '../../../shared/sync/outbox';
import type { OutboxOp } from '../../../shared/sync/types';
import { EXAMPLE } from '../../../shared/seeds/example';
import { FakeClock } from './clock';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { FakeApi, raceFirstGroupCreate } from './fakeApi';

export const G = EXAMPLE.groups;
export const A = EXAMPLE.accounts.map((a) => a.accountId);
export const U = EXAMPLE.users;
export const PRIMARY = EXAMPLE.primary.accountId;

/** Queues `ops` as one plan and pushes them to the fake platform on virtual time. */
export const push = async (
  api: FakeApi,
  ops: PlanOp[],
  extra: Partial<EngineOptions> & { view?: Snapshot; store?: MemoryOutboxStore } = {},
): Promise<{ ops: OutboxOp[]; store: MemoryOutboxStore; engine: PushEngine }> => {
  const store = extra.store ?? new MemoryOutboxStore();
  const queued = toOutboxOps('plan1', ops, extra.view ?? api.snapshot(), 0);
  await store.put(queued);
  const engine = new PushEngine({
    api, accountId: PRIMARY, store, clock: new FakeClock(), random: seededRandom(1), backoff: { baseMs: 10, maxMs: 1000 }, ...extra,
  });
  engine.enqueue(await store.unfinished());
  await engine.drained();
  return { ops: await store.all(), store, engine };
};

/**
 * Seed 002's platform where the first group create commits, is renamed to `renameTo` by another
 * admin, and its answer is lost: the race of fuzz seed 156.
 */
export const racedCreatePlatform = (renameTo: string): FakeApi => {
  const api = new FakeApi(exampleSnapshot());
  raceFirstGroupCreate(api, () => renameTo, 'socket hang up (after commit)');
  return api;
};
