import { RosterError, type PushStatus } from '../../../shared/ipc';
import { realClock } from '../../../shared/sync/clock';
import { PushEngine } from '../../../shared/sync/engine';
import { GroupLedger } from '../../../shared/sync/groupLedger';
import { isFinal, opKey, type OpRef, type OutboxOp, type Progress } from '../../../shared/sync/types';
import type { ConnectionService } from './connection';
import type { JournalStore } from './journal';
import type { Emit, Log } from './types';

const IDLE: Progress = { done: 0, total: 0, rate: 0, etaMs: null, paused: false };

/**
 * sync.push / sync.control / sync.status: main's side of Push (DESIGN.md). The renderer's
 * outbox hands ops over in order; main runs them on shared/sync's engine against the connected
 * platform, journals every status change, and reports each as a sync.op event. Ops the journal
 * already finished are reported again instead of being resent; ops it saw in flight resume with
 * a check by natural key.
 */
export class PushService {
  private engine: PushEngine | null = null;
  /**
   * Outlives each engine (one per drain), so a create left in doubt by a cancel or pause is still
   * told apart from another admin's group when the next engine resends it (seed 156). One per
   * platform: a different platform's groups say nothing about ours.
   */
  private groups = new GroupLedger(realClock);
  /** The rounds of ops (by `opKey`) handed to the current engine. */
  private queued = new Set<string>();
  /** Rounds of ops the admin withdrew: a late sync.push of one (a pass already under way) does not send it. */
  private withdrawn = new Set<string>();
  private finished = 0;

  constructor(
    private readonly conn: ConnectionService,
    private readonly journal: JournalStore,
    private readonly emit: Emit,
    private readonly log?: Log,
  ) {
    journal.onChange = (op) => {
      if (isFinal(op.status) && this.queued.has(opKey(op))) this.finished++;
      this.emit('sync.op', op);
    };
    journal.events = {
      failed: (message) => {
        this.journalError = message;
        this.log?.warn(message);
        this.engine?.pause('journal');
        void this.status().then((s) => this.emit('sync.progress', s));
      },
      recovered: () => {
        this.journalError = null;
        this.log?.warn('the push journal can be written again: sending goes on');
        if (this.engine?.progress().pausedReason === 'journal') this.engine.resume();
        void this.status().then((s) => this.emit('sync.progress', s));
      },
      setAside: (keptAs, reason) =>
        this.log?.warn(`the push journal was unreadable (${reason}); it is kept as ${keptAs}, untouched, and a new one begun`),
    };
  }

  private journalError: string | null = null;

  private get running(): number {
    return this.queued.size - this.finished;
  }

  push = async (ops: OutboxOp[], recorded: readonly OpRef[] = []): Promise<PushStatus> => {
    const fresh: OutboxOp[] = [];
    for (const op of ops) {
      if (this.queued.has(opKey(op)) || this.withdrawn.has(opKey(op))) continue;
      const known = await this.journal.get(op);
      if (known && isFinal(known.status)) {
        this.emit('sync.op', known);
        continue;
      }
      fresh.push(known?.status === 'inflight' ? known : { ...op, status: op.status === 'inflight' ? 'inflight' : 'pending' });
    }
    await this.forget(recorded);
    if (fresh.length) {
      await this.journal.put(fresh.filter((o) => o.status === 'pending'));
      await this.start(fresh);
    }
    return this.status();
  };

  control = async (action: 'pause' | 'resume' | 'cancel'): Promise<PushStatus> => {
    const e = this.engine;
    if (e && action === 'pause') e.pause('user');
    if (e && action === 'resume') e.resume();
    if (e && action === 'cancel') {
      e.cancel();
      await e.drained();
      this.reset();
    }
    return this.status();
  };

  /**
   * sync.withdraw: takes back ops not yet started. An op main never got, or got but has not
   * started, is withdrawn (and never sent later); one already being sent or finished is not.
   */
  withdraw = async (refs: readonly OpRef[]): Promise<{ withdrawn: string[]; sending: string[] }> => {
    const inEngine = new Set(refs.map(opKey).filter((k) => this.queued.has(k)));
    const taken = new Set(this.engine && inEngine.size ? this.engine.withdraw(inEngine) : []);
    const withdrawn: OpRef[] = [];
    const sending: string[] = [];
    for (const ref of refs) {
      const key = opKey(ref);
      const known = inEngine.has(key) ? undefined : await this.journal.get(ref);
      if (taken.has(key) || (!inEngine.has(key) && (!known || known.status === 'pending'))) withdrawn.push(ref);
      else sending.push(ref.id);
    }
    for (const ref of withdrawn) {
      this.withdrawn.add(opKey(ref));
      this.queued.delete(opKey(ref));
    }
    if (withdrawn.length) await this.journal.remove(withdrawn);
    return { withdrawn: withdrawn.map((r) => r.id), sending };
  };

  status = async (): Promise<PushStatus> => {
    const s: PushStatus = { ...(this.engine?.progress() ?? IDLE), running: this.running };
    return this.journalError ? { ...s, paused: true, pausedReason: 'journal', journalError: this.journalError } : s;
  };

  /**
   * After connection.set: the same platform with new credentials resumes a queue a 401 paused;
   * another platform stops it (its ops stay queued and go when they are pushed again).
   */
  connectionChanged = async (samePlatform: boolean): Promise<void> => {
    if (!samePlatform) this.groups = new GroupLedger(realClock);
    const e = this.engine;
    if (!e) return;
    if (samePlatform) return e.reauthenticate(await this.conn.client());
    e.cancel();
    await e.drained();
    if (this.engine === e) this.reset();
  };

  private async start(ops: OutboxOp[]) {
    const client = await this.conn.client();
    const { accountId } = await this.conn.info();
    if (!accountId) throw new RosterError('offline', 'no platform is connected');
    this.engine ??= new PushEngine({
      api: client,
      accountId,
      store: this.journal,
      clock: realClock,
      random: Math.random,
      groups: this.groups,
      onProgress: (p) => this.emit('sync.progress', { ...p, running: this.running, ...(this.journalError ? { journalError: this.journalError } : {}) }),
    });
    if (this.journalError) this.engine.pause('journal');
    const engine = this.engine;
    for (const op of ops) this.queued.add(opKey(op));
    engine.enqueue(ops);
    void engine.drained().then(() => {
      if (this.engine === engine) this.reset();
      this.emit('sync.progress', { ...engine.progress(), running: this.running });
    });
  }

  private reset() {
    this.engine = null;
    this.queued.clear();
    this.finished = 0;
  }

  /**
   * Final ops the renderer's cache says it recorded: only those leave the journal. (A finished op
   * merely absent from one sync.push may belong to another batch not yet recorded; forgetting it
   * would send it again.)
   */
  private async forget(recorded: readonly OpRef[]) {
    if (recorded.length === 0) return;
    const keys = new Set(recorded.map(opKey));
    const done = (await this.journal.all()).filter((o) => isFinal(o.status) && keys.has(opKey(o)));
    if (done.length) await this.journal.remove(done);
  }
}
