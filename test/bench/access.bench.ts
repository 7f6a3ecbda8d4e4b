// Access engine at the large and huge tiers: index build, explain p50/p99, reach,
// who, what-if of a 1,000-op plan, peak memory. Targets: build < 2 s (huge), explain < 1 ms,
// reach/who < 50 ms, what-if 1,000 < 500 ms. Measured here, never asserted in unit tests.
import { generateSnapshot, type Tier } from '../../shared/seeds/generate';
import { buildState, explain, reach, who, type AccessState } from '../../shared/access';
import { whatIf } from '../../shared/plans';
import type { PlanOp } from '../../shared/plans';
import { makeRng } from '../../shared/seeds/prng';
import { BUILT_IN_ROLE_IDS } from '../../shared/seeds/builtInRoles';
import type { Snapshot } from '../../shared/model';
import { benchTiers, emit, percentile } from './emit';

/** Wall time, plus this process's CPU time: on a shared, loaded machine the two differ a lot. */
const time = <T>(fn: () => T): { ms: number; cpuMs: number; value: T } => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
};

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** The user in the most groups, and the account in the most groups: the worst cases. */
const heaviest = (s: AccessState): { user: string; account: string } => {
  let user = '';
  let account = '';
  const groupsOf = (u: string) => s.userGroupRoles.get(u)?.size ?? 0;
  for (const u of s.userGroupRoles.keys()) if (groupsOf(u) > groupsOf(user)) user = u;
  for (const a of s.accountGroups.keys()) if ((s.accountGroups.get(a)?.size ?? 0) > (s.accountGroups.get(account)?.size ?? 0)) account = a;
  return { user, account };
};

/**
 * A 1,000-op plan. `typical`: mostly accounts moved between groups and roles given and taken,
 * 2% Support Access Role changes. `capHeavy`: 10% Support Access Role changes, each of which
 * re-evaluates every group user of the account (All Accounts alone has thousands).
 */
const thousandOps = (snap: Snapshot, seed: number, capShare: number): PlanOp[] => {
  const rng = makeRng(seed);
  const groups = snap.AccountGroup.filter((g) => !g.defaultGroup).map((g) => g.id);
  const managed = snap.Account.filter((a) => a.parentAccountId).map((a) => a.accountId);
  const users = snap.User.map((u) => u.userId);
  const ops: PlanOp[] = [];
  for (let i = 0; i < 1000; i++) {
    const x = rng.next();
    const groupId = rng.pick(groups);
    if (x < capShare) ops.push({ op: 'account.setSupportAccessRole', accountId: rng.pick(managed), roleId: BUILT_IN_ROLE_IDS.Support });
    else if (x < 0.5) ops.push({ op: 'group.addAccounts', groupId, accountIds: [rng.pick(managed), rng.pick(managed)] });
    else if (x < 0.7) ops.push({ op: 'group.removeAccounts', groupId, accountIds: [rng.pick(managed)] });
    else if (x < 0.8) ops.push({ op: 'group.addUserRoles', groupId, userIds: [rng.pick(users)], roleIds: [BUILT_IN_ROLE_IDS.Support] });
    else if (x < 0.9) ops.push({ op: 'group.removeUserRoles', groupId, userIds: [rng.pick(users)], roleIds: [BUILT_IN_ROLE_IDS['Standard User']] });
    else ops.push({ op: 'account.addUserRoles', accountId: rng.pick(managed), userIds: [rng.pick(users)], roleIds: [BUILT_IN_ROLE_IDS['Browse Only']] });
  }
  return ops;
};

/**
 * Generates the tier, builds the indexes (timed) and derives every input the measures need,
 * then lets the snapshot go: the app keeps the indexes, not 500,000 raw link records.
 */
const prepare = (tier: Tier) => {
  const snap = generateSnapshot(tier, 1);
  gc();
  const build = time(() => buildState(snap));
  const s = build.value;
  const rng = makeRng(2);
  const pairs: [string, string][] = [];
  for (let i = 0; i < 2000; i++) {
    // Half the pairs are users on accounts of their own groups, half arbitrary.
    const l = rng.pick(snap.AccountGroupUserRole);
    const accounts = [...(s.groupAccounts.get(l.accountGroupId) ?? [])];
    pairs.push([l.userId, i % 2 && accounts.length ? rng.pick(accounts) : rng.pick(snap.Account).accountId]);
  }
  const plans = {
    warm: thousandOps(snap, 9, 0.02).slice(0, 100),
    typical: thousandOps(snap, 3, 0.02),
    capHeavy: thousandOps(snap, 3, 0.1),
  };
  return { buildMs: build.ms, buildCpuMs: build.cpuMs, s, pairs, plans };
};

const median = <T extends { ms: number }>(runs: T[]): T => runs.sort((x, y) => x.ms - y.ms)[Math.floor(runs.length / 2)]!;

const run = (tier: Tier): void => {
  const { buildMs, buildCpuMs, s, pairs, plans } = prepare(tier);
  gc();
  emit({ metric: 'access.indexBuild', value: buildMs, unit: 'ms', tier, cpuMs: buildCpuMs });
  const samples = pairs.map(([u, a]) => time(() => explain(s, u, a)).ms).sort((x, y) => x - y);
  emit({ metric: 'access.explain.p50', value: percentile(samples, 50), unit: 'ms', tier });
  emit({ metric: 'access.explain.p99', value: percentile(samples, 99), unit: 'ms', tier });
  const { user, account } = heaviest(s);
  // The first call also builds the per-group account info it memoises.
  const first = time(() => reach(s, user).length);
  emit({ metric: 'access.reach.heaviestUser.first', value: first.ms, unit: 'ms', tier, cpuMs: first.cpuMs });
  const r = median([0, 1, 2, 3, 4].map(() => time(() => reach(s, user).length)));
  emit({ metric: 'access.reach.heaviestUser.p50', value: r.ms, unit: 'ms', tier, cpuMs: r.cpuMs, accounts: r.value, groups: s.userGroupRoles.get(user)?.size });
  who(s, account);
  const w = median([0, 1, 2, 3, 4].map(() => time(() => who(s, account).length)));
  emit({ metric: 'access.who.busiestAccount.p50', value: w.ms, unit: 'ms', tier, cpuMs: w.cpuMs, users: w.value });
  // Warm the JIT on a small plan first, as explain is warmed by its first samples.
  whatIf(s, plans.warm);
  for (const name of ['typical', 'capHeavy'] as const) {
    const counts = (v: ReturnType<typeof whatIf>) => ({ gains: v.gains.length, losses: v.losses.length, lockedOut: v.lockedOut.length, refused: v.refused.length });
    const runs = [0, 1, 2, 3, 4].map(() => time(() => counts(whatIf(s, plans[name]))));
    const ms = runs.map((x) => x.ms).sort((x, y) => x - y);
    const cpu = runs.map((x) => x.cpuMs).sort((x, y) => x - y);
    emit({ metric: `access.whatif.1000ops.${name}.p50`, value: percentile(ms, 50), unit: 'ms', tier, cpuMs: percentile(cpu, 50), runs: ms.length, ...runs[0]!.value });
    emit({ metric: `access.whatif.1000ops.${name}.max`, value: ms.at(-1)!, unit: 'ms', tier });
  }
  emit({ metric: 'access.peakRss', value: process.resourceUsage().maxRSS / 1024, unit: 'MB', tier });
  gc();
  emit({ metric: 'access.heapIndexes', value: process.memoryUsage().heapUsed / 1024 / 1024, unit: 'MB', tier });
};

for (const tier of benchTiers(['large', 'huge'])) run(tier as Tier);
