// Reference platform benchmarks: start-up (seeding a new data dir, reopening it),
// QUERY+queryMore full-scan throughput, CREATE latency with and without the rate limit.
//   npm run bench -- --only platform [--tier large,huge]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPlatform, type RunningPlatform } from '../../platform';
import { BUILT_IN_ROLE_IDS } from '../../shared/seeds/builtInRoles';
import { platformAdmin, platformPost } from '../support/platformHttp';
import { benchTiers, emit, percentile, timeIt } from './emit';

type Tier = 'large' | 'huge';

/** One POST through the tests' platform helper: a 503 is sent again after its Retry-After (counted in `busy`). */
const post = async (p: RunningPlatform, rel: string, body: string, type = 'application/json', busy?: { n: number }) => {
  const res = await platformPost(p, rel, body, type, { onBusy: () => void (busy && busy.n++) });
  return { status: res.status, json: (await res.json()) as { result?: Record<string, unknown>[]; queryToken?: string; id?: string } };
};

const admin = (p: RunningPlatform, rel: string, body: unknown) => platformAdmin(p, 'PUT', rel, body);

/** Every record of one type through QUERY + queryMore, as a client pulls it. */
const scan = async (p: RunningPlatform, type: string): Promise<Record<string, unknown>[]> => {
  const out: Record<string, unknown>[] = [];
  let r = await post(p, `${type}/query`, '{}');
  for (;;) {
    if (r.status !== 200) throw new Error(`${type}: HTTP ${r.status}`);
    out.push(...(r.json.result ?? []));
    if (!r.json.queryToken) return out;
    r = await post(p, `${type}/queryMore`, r.json.queryToken, 'text/plain');
  }
};

const SCAN_TYPES = ['Account', 'AccountGroup', 'AccountGroupAccount', 'AccountGroupUserRole', 'AccountUserRole', 'User', 'Role'];

const scanBench = async (p: RunningPlatform, tier: Tier) => {
  let total = 0;
  const cpu0 = process.cpuUsage();
  const { ms } = await timeIt(async () => {
    for (const t of SCAN_TYPES) total += (await scan(p, t)).length;
  });
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  emit({ metric: 'platform.scan.throughput', value: total / (ms / 1000), unit: 'records/s', tier, records: total, ms: Math.round(ms) });
  // Client and server share this process, so this is records per CPU-second of both together.
  emit({ metric: 'platform.scan.throughput.cpu', value: total / (cpuMs / 1000), unit: 'records/cpu-s', tier });
  return scan(p, 'User');
};

/** CREATE of AccountGroupUserRole links; with the rate limit a 503 is sent again after its Retry-After, as a client would. */
const createBench = async (p: RunningPlatform, tier: Tier, users: string[], group: string, limited: boolean) => {
  await admin(p, 'rate', { rate: limited ? 10 : 0 });
  const n = limited ? 60 : 300;
  const lat: number[] = [];
  const rejected = { n: 0 };
  const roleId = limited ? BUILT_IN_ROLE_IDS.Support : BUILT_IN_ROLE_IDS['Browse Only'];
  for (let i = 0; i < n; i++) {
    const body = JSON.stringify({ accountGroupId: group, userId: users[i % users.length], roleId });
    const t0 = performance.now();
    const r = await post(p, 'AccountGroupUserRole', body, 'application/json', rejected);
    if (r.status !== 200 && r.status !== 409) throw new Error(`create: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    lat.push(performance.now() - t0);
  }
  lat.sort((a, b) => a - b);
  const label = limited ? 'rate10' : 'nolimit';
  emit({ metric: `platform.create.p50.${label}`, value: percentile(lat, 50), unit: 'ms', tier, n });
  emit({ metric: `platform.create.p99.${label}`, value: percentile(lat, 99), unit: 'ms', tier, n, rejected503: rejected.n });
  await admin(p, 'rate', { rate: 0 });
};

const runTier = async (tier: Tier) => {
  const dir = mkdtempSync(path.join(tmpdir(), `roster-platform-bench-${tier}-`));
  try {
    // CPU time too: on a shared machine wall time mostly measures the neighbours.
    const cpu0 = process.cpuUsage();
    const seeded = await timeIt(() => startPlatform({ dataDir: dir, port: 0, seed: tier, rate: 0, quiet: true }));
    const cpu = process.cpuUsage(cpu0);
    emit({ metric: 'platform.start.seed', value: seeded.ms, unit: 'ms', tier });
    emit({ metric: 'platform.start.seed.cpu', value: (cpu.user + cpu.system) / 1000, unit: 'ms', tier });
    emit({ metric: 'platform.rss.afterSeed', value: process.memoryUsage().rss / 1e6, unit: 'MB', tier });
    let p = seeded.value;
    if (tier === 'large') {
      const users = (await scanBench(p, tier)).map((u) => String(u.userId));
      const groups = await scan(p, 'AccountGroup');
      const group = String(groups.find((g) => !g.defaultGroup)!.id);
      await createBench(p, tier, users, group, false);
      await createBench(p, tier, users, group, true);
    }
    await p.close();
    const reopened = await timeIt(() => startPlatform({ dataDir: dir, port: 0, rate: 0, quiet: true }));
    emit({ metric: 'platform.start.reopen', value: reopened.ms, unit: 'ms', tier });
    p = reopened.value;
    const first = await timeIt(() => post(p, 'AccountGroupAccount/query', '{}'));
    emit({ metric: 'platform.query.firstPage', value: first.ms, unit: 'ms', tier });
    await p.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

for (const tier of benchTiers(['large', 'huge']) as Tier[]) await runTier(tier);
