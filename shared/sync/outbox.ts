import type { AccessState } from '../access/state';
import { forkState } from '../access/state';
import type { Snapshot } from '../model';
import { replay } from '../plans/apply';
import { inverseOp } from '../plans/inverse';
import { annotate, expectationsOf } from '../plans/registry';
import type { PlanOp } from '../plans/types';
import { asState } from './reconcile';
import type { OpRef, OutboxOp } from './types';
import { isFinal, opKey } from './types';

/**
 * Turns a plan into outbox ops. Each op's precondition is read from the view the admin saw
 * (confirmed ⊕ earlier pending ops ⊕ the plan's earlier ops), so a later change by someone
 * else to the same thing shows up as a conflict (DESIGN.md "Reconcile"). With `inverse`, each
 * op also keeps what undoes it, read from the state just before it (History's Undo).
 */
export const toOutboxOps = (
  planId: string,
  ops: readonly PlanOp[],
  view: Snapshot | AccessState,
  now: number,
  firstSeq = 0,
  o: { inverse?: boolean } = {},
): OutboxOp[] => {
  const s = forkState(asState(view));
  return ops.map((planned, i) => {
    // The op as queued plus what only the view knows now (a rename's from-name, for the outbox).
    const args = annotate(s, planned);
    const op: OutboxOp = {
      id: `${planId}:${i}`,
      planId,
      seq: firstSeq + i,
      round: 0,
      args,
      precondition: { expect: expectationsOf(s, args) },
      status: 'pending',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    if (o.inverse) op.inverse = inverseOp(s, args);
    replay(s, args);
    return op;
  });
};

/** Where the engine keeps ops durable: Dexie in the app, memory (or a file) for `roster apply`. */
export interface OutboxStore {
  put(ops: OutboxOp[]): Promise<void>;
  /** Every op not yet final, in queue order. */
  unfinished(): Promise<OutboxOp[]>;
  all(): Promise<OutboxOp[]>;
  /** Forgets these rounds of these ops. */
  remove(refs: readonly OpRef[]): Promise<void>;
}

/** `seq` is global across plans (the caller passes each plan's first seq), so it alone orders the queue. */
export const byQueueOrder = (a: OutboxOp, b: OutboxOp): number => a.seq - b.seq || a.createdAt - b.createdAt;

export class MemoryOutboxStore implements OutboxStore {
  private readonly ops = new Map<string, OutboxOp>();

  constructor(initial: OutboxOp[] = []) {
    for (const op of initial) this.ops.set(opKey(op), structuredClone(op));
  }

  async put(ops: OutboxOp[]): Promise<void> {
    for (const op of ops) this.ops.set(opKey(op), structuredClone(op));
  }

  async unfinished(): Promise<OutboxOp[]> {
    return (await this.all()).filter((o) => !isFinal(o.status));
  }

  async all(): Promise<OutboxOp[]> {
    return [...this.ops.values()].map((o) => structuredClone(o)).sort(byQueueOrder);
  }

  async remove(refs: readonly OpRef[]): Promise<void> {
    for (const r of refs) this.ops.delete(opKey(r));
  }

  /** What a crash would leave on disk: a deep copy of the store as it is now. */
  dump(): OutboxOp[] {
    return [...this.ops.values()].map((o) => structuredClone(o));
  }
}
