import type { AccessState } from '../access/state';
import type { Snapshot } from '../model';
import { asState } from './reconcile';
import { forkState } from '../access/state';
import { replay } from '../plans/apply';
import { isProvisionalId } from '../plans/types';
import { callsOf } from '../plans/registry';
import { findGroupByName } from '../plans/ops/group.create';
import { groupOf } from '../plans/ops/common';
import type { SyncApi } from '../api/sync';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { GroupLedger } from './groupLedger';
import type { Clock } from './clock';
import type { OutboxStore } from './outbox';
import { ProgressMeter } from './progress';
import { runCall, type CallHost, type CallResult } from './runCall';
import { Refusal } from '../api/sync';
import { opKey, type Call, type CallContext, type OutboxOp, type Progress, type Resolver } from './types';

export interface EngineOptions {
  api: SyncApi;
  /** The primary account the platform URL names. */
  accountId: string;
  store: OutboxStore;
  clock: Clock;
  random: () => number;
  /** Calls in flight at once; the token bucket in the transport keeps them at the rate limit. */
  concurrency?: number;
  backoff?: BackoffPolicy;
  /** Tries per call before it fails; the app keeps retrying (Infinity), `roster apply` gives up. */
  maxAttempts?: number;
  /** A fresh state (roster apply): calls whose effect already holds there are `unchanged`. Never written: the engine forks it. */
  known?: Snapshot | AccessState;
  /** Pass one ledger to successive engines (after a cancel or pause) so their in-flight creates keep their records. */
  groups?: GroupLedger;
  onProgress?(p: Progress): void;
  onOp?(op: OutboxOp): void;
}

interface OpRun {
  op: OutboxOp;
  remaining: number;
  results: CallResult[];
  /** Saved as inflight by an earlier run (a crash or a cancel mid-op): outcomes unknown. */
  resumed: boolean;
  saved?: Promise<void>;
}

interface CallRun {
  call: Call;
  run: OpRun;
  locks: string[];
  state: 'waiting' | 'running' | 'done';
}

/** How far past the first unfinished call the scheduler looks for calls it may start. */
const WINDOW = 2000;

/**
 * The push engine (DESIGN.md "Push"): takes ops in order, runs their calls with bounded
 * concurrency where they do not touch the same natural key, persists every status change
 * before acting on it, and reports per-op results and progress. Pause, resume, cancel, and
 * re-authentication (401 pauses everything until `reauthenticate`).
 */
export class PushEngine {
  private readonly queue: CallRun[] = [];
  private head = 0;
  private running = 0;
  private pausedFor: Progress['pausedReason'] | null = null;
  private cancelled = false;
  private wake: (() => void)[] = [];
  private idle: (() => void)[] = [];
  private readonly groupIds = new Map<string, string>();
  private readonly meter: ProgressMeter;
  private readonly host: CallHost;
  private api: SyncApi;

  constructor(private readonly o: EngineOptions) {
    this.api = o.api;
    this.meter = new ProgressMeter(o.clock);
    const groups = o.groups ?? new GroupLedger(o.clock);
    const learn = (p: string, real: string): void => {
      this.groupIds.set(p, real);
      groups.noteMine(real);
    };
    const resolve: Resolver = { group: (id) => this.resolveGroup(id), learn };
    this.host = {
      ctx: (): CallContext => ({ api: this.api, accountId: o.accountId, resolve, groups }),
      clock: o.clock,
      random: o.random,
      backoff: o.backoff ?? DEFAULT_BACKOFF,
      maxAttempts: o.maxAttempts ?? Infinity,
      gate: () => this.gate(),
      authFailed: () => this.pause('auth'),
      ...(o.known ? { known: forkState(asState(o.known)) } : {}),
    };
  }

  /** Queues ops (in order). Ops saved as `inflight` by an earlier run are checked before any resend. */
  enqueue(ops: OutboxOp[]): void {
    for (const op of ops) {
      const calls = callsOf(op.args);
      const run: OpRun = { op, remaining: calls.length, results: [], resumed: op.status === 'inflight' };
      for (const call of calls) {
        const locks = [call.key, ...(call.needs ? [`GROUP|${call.needs.slice('new:'.length)}`] : [])];
        this.queue.push({ call, run, locks, state: 'waiting' });
      }
      if (calls.length === 0) void this.finishOp(run);
    }
    this.meter.add(this.queue.length - this.meter.total);
    this.pump();
  }

  /** Resolves when every queued call has an outcome, or after `cancel` once in-flight calls settle. */
  drained(): Promise<void> {
    if (this.running === 0 && (this.cancelled || this.head >= this.queue.length)) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  pause(reason: NonNullable<Progress['pausedReason']> = 'user'): void {
    this.pausedFor = reason;
    this.report();
  }

  resume(): void {
    this.pausedFor = null;
    this.report();
    for (const w of this.wake.splice(0)) w();
    this.pump();
  }

  /** After a 401: the admin signed in again; carry on with the new credentials. */
  reauthenticate(api: SyncApi): void {
    this.api = api;
    this.resume();
  }

  /**
   * Takes back queued ops none of whose calls has started (the admin withdrew them before they
   * were sent), by `opKey`; returns the keys taken back. An op with a call started or done stays: part of it
   * may already be on the platform, so it runs to its end and reports like any other.
   */
  withdraw(keys: ReadonlySet<string>): string[] {
    const byOp = new Map<string, CallRun[]>();
    for (let i = this.head; i < this.queue.length; i++) {
      const r = this.queue[i]!;
      const key = opKey(r.run.op);
      if (!keys.has(key)) continue;
      byOp.set(key, [...(byOp.get(key) ?? []), r]);
    }
    const out: string[] = [];
    for (const [id, runs] of byOp) {
      const run = runs[0]!.run;
      if (run.saved || run.results.length || runs.some((r) => r.state !== 'waiting') || runs.length !== run.remaining) continue;
      for (const r of runs) r.state = 'done';
      this.meter.done(runs.length);
      out.push(id);
    }
    if (out.length) this.pump();
    return out;
  }

  /** Stops starting calls; ops not finished stay in the store as they are (nothing is lost). */
  cancel(): void {
    this.cancelled = true;
    for (const w of this.wake.splice(0)) w();
    this.settle();
  }

  progress(): Progress {
    return this.meter.snapshot(this.pausedFor);
  }

  private gate(): Promise<boolean> {
    if (this.cancelled) return Promise.resolve(false);
    if (!this.pausedFor) return Promise.resolve(true);
    return new Promise((r) => this.wake.push(() => r(!this.cancelled)));
  }

  private async resolveGroup(id: string): Promise<string> {
    if (!isProvisionalId(id)) return id;
    const known = this.groupIds.get(id) ?? (this.host.known && groupOf(this.host.known, id)?.id);
    if (known && !isProvisionalId(known)) return known;
    const real = await findGroupByName(this.host.ctx(), id.slice('new:'.length));
    if (!real) throw new Refusal(`group "${id.slice('new:'.length)}" does not exist on the platform (its creation failed, was dropped, or is in conflict)`);
    this.groupIds.set(id, real);
    return real;
  }

  private pump(): void {
    if (this.pausedFor || this.cancelled) return this.settle();
    const concurrency = this.o.concurrency ?? 4;
    const seen = new Set<string>();
    let barrier = false;
    let unfinished = false;
    for (let i = this.head, looked = 0; i < this.queue.length && looked < WINDOW && this.running < concurrency; i++) {
      const r = this.queue[i]!;
      if (r.state === 'done') {
        if (i === this.head) this.head++;
        continue;
      }
      looked++;
      const blocked = barrier || (r.call.barrier && unfinished) || r.locks.some((l) => seen.has(l));
      if (r.state === 'waiting' && !blocked) this.start(r);
      for (const l of r.locks) seen.add(l);
      barrier ||= !!r.call.barrier;
      unfinished = true;
    }
    this.settle();
  }

  private start(r: CallRun): void {
    r.state = 'running';
    this.running++;
    void this.execute(r).finally(() => {
      this.running--;
      this.pump();
    });
  }

  private async execute(r: CallRun): Promise<void> {
    const { run } = r;
    // Durable before the first request: a crash from here on resumes with a check, not a resend.
    run.saved ??= this.markInflight(run);
    await run.saved;
    const result = await runCall(this.host, r.call, run.op.precondition.expect, run.resumed);
    if (result.status === 'stopped') {
      r.state = 'waiting';
      return;
    }
    r.state = 'done';
    if ((result.status === 'applied' || result.status === 'unchanged') && this.host.known) replay(this.host.known, r.call.effect);
    this.meter.done(1);
    run.results.push(result);
    if (--run.remaining === 0) await this.finishOp(run);
    this.report();
  }

  private async markInflight(run: OpRun): Promise<void> {
    if (run.resumed) return;
    run.op = { ...run.op, status: 'inflight', updatedAt: this.o.clock.now() };
    await this.o.store.put([run.op]);
  }

  private async finishOp(run: OpRun): Promise<void> {
    const rs = run.results;
    const failed = rs.filter((r) => r.status === 'failed' || r.status === 'conflict');
    const status = rs.some((r) => r.status === 'conflict') ? 'conflict'
      : failed.length ? 'failed' : rs.some((r) => r.status === 'applied') ? 'applied' : 'unchanged';
    const errors = failed.map((r) => ('error' in r ? r.error : ''));
    const next: OutboxOp = {
      ...run.op,
      status,
      // Attempts count tries of the op (the calls of one round go out together), not API calls:
      // a clean three-account add is one attempt, a call retried twice makes it three.
      attempts: run.op.attempts + rs.reduce((n, r) => Math.max(n, r.attempts), 0),
      updatedAt: this.o.clock.now(),
    };
    if (errors.length) next.lastError = summarize(errors, rs.length);
    const conflicts = rs.flatMap((r) => (r.status === 'conflict' ? r.conflicts : []));
    if (conflicts.length) next.conflict = conflicts;
    run.op = next;
    await this.o.store.put([next]);
    this.o.onOp?.(next);
  }

  private report(): void {
    this.o.onProgress?.(this.progress());
  }

  private settle(): void {
    if (this.running === 0 && (this.cancelled || this.head >= this.queue.length)) for (const r of this.idle.splice(0)) r();
  }
}

const summarize = (errors: string[], total: number): string => {
  const distinct = [...new Set(errors)];
  const head = distinct.slice(0, 3).join('; ');
  return errors.length === 1 ? head : `${errors.length} of ${total} calls failed: ${head}${distinct.length > 3 ? '; …' : ''}`;
};
