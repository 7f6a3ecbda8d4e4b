// Push through main: N group creations queued with sync.push on the embedded platform (seed 002)
// at its default rate limit, timed until the last op is final; ratio to the floor (calls ÷ 10/s).
import { EXAMPLE, exampleSnapshot } from '../../shared/seeds/example';
import { toOutboxOps } from '../../shared/sync/outbox';
import { isFinal, type OutboxOp } from '../../shared/sync/types';
import { emit } from './emit';
import { countedServices } from './support/embedded';

const N = Number(process.env.BENCH_PUSH_OPS ?? 200);
const { services, counter, close } = countedServices('example', 'push', { journal: true });
await services.handlers['connection.get'](undefined);
const ops = toOutboxOps('bench', Array.from({ length: N }, (_, i) => ({ op: 'group.create' as const, name: `Bench ${i}`, accountId: EXAMPLE.primary.accountId })), exampleSnapshot(), Date.now());
const final = new Map<string, OutboxOp>();
const done = new Promise<void>((resolve) =>
  services.subscribe((event, payload) => {
    const op = payload as OutboxOp;
    if (event === 'sync.op' && isFinal(op.status)) final.set(op.id, op);
    if (final.size === N) resolve();
  }),
);
await new Promise((r) => setTimeout(r, 1100)); // let the bucket refill after start-up
counter.calls = 0;
const t0 = performance.now();
await services.handlers['sync.push']({ ops });
await done;
const ms = performance.now() - t0;
const applied = [...final.values()].filter((o) => o.status === 'applied').length;
emit({ metric: 'push.ops', value: ms, unit: 'ms', tier: 'example', ops: N, calls: counter.calls, applied });
emit({ metric: 'push.floor_ratio', value: ms / ((counter.calls / 10) * 1000), unit: 'ratio', tier: 'example', calls: counter.calls });
await close();
