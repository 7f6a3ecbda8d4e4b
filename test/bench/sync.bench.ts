// Sync benchmarks: cold pull of the partner and large tiers through the rate-limited
// reference platform, and a push of 1,000 ops, each as a ratio to the floor (API calls ÷ rate
// limit; target ≤ 1.10), the push also under 20% faults with lost and duplicated counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPlatformClient } from '../../shared/api';
import type { PlanOp } from '../../shared/plans/types';
import { BUILT_IN_ROLE_IDS } from '../../shared/seeds/builtInRoles';
import { buildState } from '../../shared/access/state';
import { holdsIn } from '../../shared/plans/apply';
import { callsOf } from '../../shared/plans/registry';
import { realClock, seededRandom } from '../../shared/sync/clock';
import { PushEngine } from '../../shared/sync/engine';
import { MemoryOutboxStore, toOutboxOps } from '../../shared/sync/outbox';
import { exportSnapshot } from '../../shared/sync/pull';
import { platformBucket } from '../../shared/sync/tokenBucket';
import { pacedFetch } from '../../shared/sync/transport';
import { startPlatform, type RunningPlatform } from '../../platform/index';
import type { SeedTier } from '../../platform/setup';
import { benchTiers, emit } from './emit';

const connect = (p: RunningPlatform, rate: number) => {
  let calls = 0;
  const fetch = pacedFetch((u, init) => globalThis.fetch(u, init), {
    bucket: platformBucket(realClock, rate), clock: realClock, random: seededRandom(1), onRequest: () => void calls++,
  });
  return { api: createPlatformClient({ baseUrl: p.url, user: p.user, token: p.token, fetch, timeoutMs: 30_000 }), calls: () => calls };
};

const withPlatform = async <T>(seed: SeedTier, rate: number, faults: string | undefined, f: (p: RunningPlatform) => Promise<T>): Promise<T> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'roster-bench-sync-'));
  const p = await startPlatform({ dataDir: dir, port: 0, seed, adminToken: 'bench-token-1', rate, quiet: true, ...(faults ? { faults } : {}) });
  try {
    return await f(p);
  } finally {
    await p.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

const coldPull = async (tier: SeedTier, rate: number): Promise<void> => {
  await withPlatform(tier, rate, undefined, async (p) => {
    const { api, calls } = connect(p, rate);
    const t0 = performance.now();
    const { snapshot } = await exportSnapshot(api);
    const ms = performance.now() - t0;
    const records = Object.values(snapshot).reduce((n, l) => n + l.length, 0);
    const floorMs = (calls() / rate) * 1000;
    emit({ metric: 'sync.coldPull.ratioToFloor', value: ms / floorMs, unit: 'ratio', tier, calls: calls(), rate, ms: Math.round(ms), records });
  });
};

/** 1,000 ops of one call each: 100 group creates (the kind only the check-by-name keeps single) and 900 direct roles. */
const thousandOps = (accounts: string[], users: string[]): PlanOp[] => {
  const roles = [BUILT_IN_ROLE_IDS['Browse Only'], BUILT_IN_ROLE_IDS.Support, BUILT_IN_ROLE_IDS['Production Support']];
  const ops: PlanOp[] = Array.from({ length: 100 }, (_, i) => ({ op: 'group.create', name: `Bench ${i}` }));
  for (let i = 0; ops.length < 1000; i++) {
    ops.push({ op: 'account.addUserRoles', accountId: accounts[i % accounts.length]!, userIds: [users[Math.floor(i / accounts.length) % users.length]!], roleIds: [roles[i % 3]!] });
  }
  return ops;
};

const push = async (rate: number, faults: string | undefined): Promise<void> => {
  await withPlatform('partner', rate, faults, async (p) => {
    const reader = connect(p, rate);
    const { snapshot: before } = await exportSnapshot(reader.api, { groupResources: false, types: ['Account', 'User', 'AccountUserRole', 'AccountGroup'] });
    const accounts = before.Account.filter((a) => a.parentAccountId).map((a) => a.accountId);
    const ops = thousandOps(accounts, before.User.map((u) => u.userId));
    const { api, calls } = connect(p, rate);
    const store = new MemoryOutboxStore();
    const queued = toOutboxOps('bench', ops, before, 0);
    const known = buildState(before);
    const work = queued.filter((op) => !callsOf(op.args).every((c) => holdsIn(known, c.effect)));
    await store.put(work);
    const engine = new PushEngine({ api, accountId: p.accountId, store, clock: realClock, random: seededRandom(2), concurrency: 8 });
    const t0 = performance.now();
    engine.enqueue(work);
    await engine.drained();
    const ms = performance.now() - t0;
    const { snapshot: after } = await exportSnapshot(reader.api, { groupResources: false, types: ['Account', 'AccountUserRole', 'AccountGroup'] });
    const world = buildState(after);
    const results = await store.all();
    const lost = results.filter((o) => o.status !== 'applied' || !callsOf(o.args).every((c) => holdsIn(world, c.effect))).length;
    const names = after.AccountGroup.map((g) => g.name);
    const duplicated = names.length - new Set(names).size + Math.max(0, after.AccountUserRole.length - before.AccountUserRole.length - (work.length - 100));
    const tier = faults ? 'partner+20%faults' : 'partner';
    // The floor: one call per op at the rate limit.
    emit({
      metric: 'sync.push1000.ratioToFloor', value: ms / ((work.length / rate) * 1000), unit: 'ratio', tier, ops: work.length, calls: calls(), rate,
      ms: Math.round(ms), perCallSent: Math.round((ms / ((calls() / rate) * 1000)) * 1000) / 1000,
    });
    emit({ metric: 'sync.push1000.lost', value: lost, unit: 'ops', tier });
    emit({ metric: 'sync.push1000.duplicated', value: duplicated, unit: 'ops', tier });
  });
};

// The platform's default limit (10/s); override with SYNC_PULL_RATE to see where the platform itself becomes the bound.
const RATES: Record<string, number> = { partner: Number(process.env.SYNC_PULL_RATE ?? 10), large: Number(process.env.SYNC_PULL_RATE ?? 10) };
for (const tier of benchTiers(['partner', 'large'])) await coldPull(tier as SeedTier, RATES[tier]!);
// 25/s: the rate limit, not the PGlite write path of a busy 2-core machine, is the floor being measured.
const PUSH_RATE = Number(process.env.PUSH_RATE ?? 25);
if (process.env.SYNC_BENCH_SKIP_PUSH !== '1') {
  await push(PUSH_RATE, undefined);
  await push(PUSH_RATE, '503=0.05,500=0.05,drop=0.05,commit-drop=0.05,seed=5');
}
