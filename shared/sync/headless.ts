import { buildState } from '../access/state';
import type { ObjectType, Snapshot } from '../model';
import { applyOps } from '../plans/apply';
import { resolvePlanFile } from '../plans/file';
import { provisionalGroupId, type PlanOp, type PlanOpOf } from '../plans/types';
import type { SyncApi } from '../api/sync';
import type { Clock } from './clock';
import { PushEngine } from './engine';
import { MemoryOutboxStore, toOutboxOps } from './outbox';
import { exportSnapshot } from './pull';
import type { OpStatus, OutboxOp } from './types';

/** One line of `roster apply` output per op. */
export interface ApplyLine {
  index: number;
  op: PlanOp['op'];
  status: OpStatus;
  attempts: number;
  error?: string;
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

/** Reads the platform state a plan needs (Resources of groups only when the plan shares or unshares). */
export const readState = async (api: SyncApi, planJson: unknown): Promise<Snapshot> => {
  const types = typesFor(planJson);
  const { snapshot } = await exportSnapshot(api, { types, groupResources: types.includes('Cloud') });
  return snapshot;
};

export interface HeadlessOptions {
  api: SyncApi;
  accountId: string;
  clock: Clock;
  random: () => number;
  planJson: unknown;
  /** The state to plan against (read from the platform when absent). */
  state?: Snapshot;
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
  const state = o.state ?? (await readState(o.api, o.planJson));
  const resolved = resolvePlanFile(state, o.planJson);
  if (!resolved.ok) throw new PlanInputError(resolved.errors);
  const lines: ApplyLine[] = [];
  const emit = (l: ApplyLine) => {
    lines.push(l);
    o.onLine?.(l);
  };
  const { ops, done } = foldCreateRename(resolved.ops, state);
  const known = buildState(state);
  const { results } = applyOps(known, ops);
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
    summary: { ops: ops.length, applied: count('applied'), unchanged: count('unchanged'), failed: count('failed'), conflict: count('conflict') },
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
  const l: ApplyLine = { index: op.seq, op: op.kind, status: op.status, attempts: op.attempts };
  if (op.lastError) l.error = op.lastError;
  return l;
};
