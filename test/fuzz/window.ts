// Measures the residual GET→UPDATE window of group resource edits (shared/sync/calls/resources.ts)
// on the reference platform: each round, N admins share a different custom role on the same
// group at the same moment (no injected faults). Per share: landed, reported as a conflict by
// the read-back, or lost silently (the inherent case). Also how long each GET→UPDATE took.
// `npx tsx test/fuzz/window.ts [rounds] [admins] [faults, e.g. latency=20-200]`; prints one JSON line.
import type { SyncApi } from '../../shared/api/sync';
import { realClock, seededRandom } from '../../shared/sync/clock';
import { PushEngine } from '../../shared/sync/engine';
import { MemoryOutboxStore, toOutboxOps } from '../../shared/sync/outbox';
import { exportSnapshot } from '../../shared/sync/pull';
import { startReal } from './platforms';
import { HOT_GROUPS, withHotResources } from './sharedOps';

const rounds = Number(process.argv[2] ?? 40);
const admins = Number(process.argv[3] ?? 3);
const p = await startReal(1, process.argv[4] ?? 'off');
const gaps: number[] = [];

/**
 * An upper bound of each edit's window, as the client sees it: from sending the GET to the
 * UPDATE's answer (the platform reads and writes somewhere inside; another write landing
 * between the two is what the window is about). The last GET (the read-back) is not counted.
 */
const timed = (api: SyncApi): SyncApi => {
  let readAt = 0;
  return {
    ...api,
    query: api.query,
    get: async (t, id) => {
      readAt = performance.now();
      return api.get(t, id);
    },
    update: async (t, id, body) => {
      const out = await api.update(t, id, body);
      gaps.push(performance.now() - readAt);
      return out;
    },
  };
};

const counts = { landed: 0, conflict: 0, lost: 0, other: 0 };
try {
  const reader = p.api(99, 1);
  const base = await withHotResources(reader, (await exportSnapshot(reader, { groupResources: false })).snapshot);
  const roles = base.Role.filter((r) => r.name.startsWith('Fuzz Role')).slice(0, admins);
  const group = HOT_GROUPS[0]!;
  for (let round = 0; round < rounds; round++) {
    await reader.update('AccountGroup', group, { '@type': 'AccountGroup', id: group, Resources: { '@type': 'Resources', Resource: [] } });
    const results = await Promise.all(
      roles.map(async (r, i) => {
        const store = new MemoryOutboxStore();
        const ops = toOutboxOps(`w${round}-${i}`, [{ op: 'group.shareResources', groupId: group, resources: [{ objectType: 'Role', resourceId: r.id, resourceName: r.name }] }], base, 0);
        await store.put(ops);
        const engine = new PushEngine({ api: timed(p.api(i, round)), accountId: p.accountId, store, clock: realClock, random: seededRandom(round * 10 + i) });
        engine.enqueue(ops);
        await engine.drained();
        return { role: r.id, status: (await store.all())[0]!.status };
      }),
    );
    const after = ((await reader.get('AccountGroup', group)) as { Resources?: { Resource?: { resourceId: string }[] } }).Resources?.Resource ?? [];
    for (const { role, status } of results) {
      const on = after.some((x) => x.resourceId === role);
      if (status === 'conflict') counts.conflict++;
      else if (status === 'applied' && on) counts.landed++;
      else if (status === 'applied') counts.lost++;
      else counts.other++;
    }
  }
} finally {
  await p.close();
}
const sorted = [...gaps].sort((a, b) => a - b);
const q = (f: number) => Math.round((sorted[Math.floor(f * (sorted.length - 1))] ?? 0) * 10) / 10;
process.stdout.write(`${JSON.stringify({ rounds, admins, faults: process.argv[4] ?? 'off', shares: rounds * admins, ...counts, windowMs: { p50: q(0.5), p95: q(0.95), max: q(1) } })}\n`);
