import { buildState } from '../access/state';
import type { ObjectType, Snapshot } from '../model';
import { applyOps, type OpResult } from '../plans/apply';
import { resolvePlanFile } from '../plans/file';
import { provisionalGroupId, type PlanOp, type PlanOpOf } from '../plans/types';
import type { SyncApi } from '../api/sync';
import type { Clock } from './clock';
import { PushEngine } from './engine';
import { MemoryOutboxStore, toOutboxOps } from './outbox';
import { exportSnapshot } from './pull';
import { opNeedsMissing } from './capabilities';
import type { OpStatus, OutboxOp } from './types';

/** One line of `roster apply` output per op. */
export interface ApplyLine {
  index: number;
  op: PlanOp['op'];
  status: OpStatus;
  attempts: number;
  error?: string;
  /** What the admin should know beyond the status (its op module's note: e.g. a removal naming a user Roster does not know). */
  note?: string;
}

export interface ApplySummary {
  ops: number;
  applied: number;
  unchanged: number;
  failed: number;
  conflict: number;
}

/** What `roster apply` reads before pushing: enough to resolve names and to know what already holds. */
const typesFor = (plan: unknown): ObjectType[] => {
  const base: ObjectType[] = ['Account', 'AccountGroup', 'Role', 'User', 'Entity', 'PartnerService',
    'AccountGroupAccount', 'AccountGroupUserRole', 'AccountUserRole', 'PartnerAccountAccess'];
  const shares = JSON.stringify(plan ?? '').includes('shareResources');
  return shares ? [...base, 'Cloud', 'IntegrationPack', 'PublishedResource'] : base;
};

export class PlanInputError extends Error {
  constructor(readonly errors: string[]) {
    super(`the plan is invalid:\n${errors.slice(0, 20).join('\n')}${errors.length > 20 ? `\n… and ${errors.length - 20} more` : ''}`);
    this.name = 'PlanInputError';
  }
}

export interface PlatformState {
  snapshot: Snapshot;
  /** Types the platform does not offer (404/410): the extensions the vendor's API lacks. */
  absent: ObjectType[];
}

/** Reads the platform state a plan needs (Resources of groups only when the plan shares or unshares). */
export const readState = async (api: SyncApi, planJson: unknown, primaryId?: string): Promise<PlatformState> => {
  const types = typesFor(planJson);
  const { snapshot, skipped } = await exportSnapshot(api, { types, groupResources: types.includes('Cloud'), ...(primaryId ? { primaryId } : {}) });
  return { snapshot, absent: skipped.map((s) => s.type) };
};

/**
 * The plan's ops this platform can carry, and the others with why (a missing capability, in a
 * sentence): those are refused before anything is sent, the rest go ahead.
 */
const splitByCapability = (planJson: unknown, absent: readonly ObjectType[]) => {
  const plan = (planJson as { plan?: unknown } | null)?.plan;
  if (!Array.isArray(plan)) return { planJson, kept: null, refused: [] as { index: number; op: string; reason: string }[] };
  const kept: number[] = [];
  const refused: { index: number; op: string; reason: string }[] = [];
  plan.forEach((entry, index) => {
    const op = String((entry as { op?: unknown } | null)?.op ?? '');
    const reason = opNeedsMissing(op, absent);
    if (reason) refused.push({ index, op, reason });
    else kept.push(index);
  });
  return { planJson: { ...(planJson as object), plan: kept.map((i) => plan[i]) }, kept, refused };
};

export interface HeadlessOptions {
  api: SyncApi;
  accountId: string;
  clock: Clock;
  random: () => number;
  planJson: unknown;
  /** The state to plan against (read from the platform when absent). */
  state?: Snapshot;
  /** Types the platform does not offer (from readState); ops needing them are refused. */
  absent?: readonly ObjectType[];
  concurrency?: number;
  maxAttempts?: number;
  onLine?: (line: ApplyLine) => void;
}

/**
 * `roster apply` without the terminal: resolve the plan file against the platform's state,
 * report the ops the rules refuse (they are never sent), push the rest through the same engine
 * main uses, with a fresh snapshot so what already holds is `unchanged` and costs no request.
 */
export const applyPlanFile = async (o: HeadlessOptions): Promise<{ lines: ApplyLine[]; summary: ApplySummary }> => {
  const read = o.state ? { snapshot: o.state, absent: [...(o.absent ?? [])] } : await readState(o.api, o.planJson, o.accountId);
  const state = read.snapshot;
  const split = splitByCapability(o.planJson, read.absent);
  const resolved = resolvePlanFile(state, split.planJson);
  if (!resolved.ok) throw new PlanInputError(resolved.errors);
  const lines: ApplyLine[] = [];
  // Line indices are the plan file's, whatever was set aside for a missing capability.
  const original = (i: number) => split.kept?.[i] ?? i;
  // Each op's note, from the what-if below (results are in op order); said only of an op that went through.
  let results: OpResult[] = [];
  const emit = (l: ApplyLine) => {
    const note = l.status === 'applied' || l.status === 'unchanged' ? results[l.index]?.note : undefined;
    const line = { ...l, index: original(l.index), ...(note ? { note } : {}) };
    lines.push(line);
    o.onLine?.(line);
  };
  for (const r of split.refused) {
    const line: ApplyLine = { index: r.index, op: r.op as PlanOp['op'], status: 'failed', attempts: 0, error: r.reason };
    lines.push(line);
    o.onLine?.(line);
  }
  const { ops, done } = foldCreateRename(resolved.ops, state);
  const known = buildState(state);
  ({ results } = applyOps(known, ops));
  const refused = new Map(results.filter((r) => r.status === 'refused' && !done.has(r.index)).map((r) => [r.index, r.reason ?? 'refused']));
  const queued = toOutboxOps('apply', ops, known, o.clock.now()).filter((op) => !refused.has(op.seq) && !done.has(op.seq));
  for (const index of done) emit({ index, op: ops[index]!.op, status: 'unchanged', attempts: 0 });
  for (const [index, reason] of refused) emit({ index, op: ops[index]!.op, status: 'failed', attempts: 0, error: reason });
  const store = new MemoryOutboxStore(queued);
  const engine = new PushEngine({
    api: o.api, accountId: o.accountId, store, clock: o.clock, random: o.random, known,
    concurrency: o.concurrency ?? 4, maxAttempts: o.maxAttempts ?? 12,
    onOp: (op: OutboxOp) => emit(lineOf(op)),
  });
  engine.enqueue(queued);
  await engine.drained();
  const count = (s: OpStatus) => lines.filter((l) => l.status === s).length;
  return {
    lines,
    summary: { ops: ops.length + split.refused.length, applied: count('applied'), unchanged: count('unchanged'), failed: count('failed'), conflict: count('conflict') },
  };
};

/**
 * Re-applying "create X, rename X to Y" must change nothing (DESIGN.md "Plan files"): when X is
 * absent and Y already exists, that pair has happened — both are `unchanged` and the plan's
 * later ops on the provisional group go to Y.
 */
export const foldCreateRename = (ops: PlanOp[], state: Snapshot): { ops: PlanOp[]; done: Set<number> } => {
  const done = new Set<number>();
  const named = (name: string) => state.AccountGroup.find((g) => g.name === name.trim() && !g.defaultGroup);
  const swap = new Map<string, string>();
  ops.forEach((op, i) => {
    if (op.op !== 'group.create' || named(op.name)) return;
    const pid = provisionalGroupId(op.name.trim());
    const j = ops.findIndex((r, k) => k > i && r.op === 'group.rename' && r.groupId === pid);
    const target = j > 0 ? named((ops[j] as PlanOpOf<'group.rename'>).name) : undefined;
    if (!target) return;
    done.add(i).add(j);
    swap.set(pid, target.id);
  });
  const out = ops.map((op) => ('groupId' in op && swap.has(op.groupId) ? { ...op, groupId: swap.get(op.groupId)! } : op));
  return { ops: out, done };
};

const lineOf = (op: OutboxOp): ApplyLine => {
  const l: ApplyLine = { index: op.seq, op: op.args.op, status: op.status, attempts: op.attempts };
  if (op.lastError) l.error = op.lastError;
  return l;
};
