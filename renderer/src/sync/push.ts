import { SYNC_PUSH_MAX, type PushStatus, type RosterBridge } from '../../../shared/ipc';
import type { RosterDb } from '../cache/db';
import { isFinal, opKey, type OpRef } from '../../../shared/sync/types';
import { pushable, recordResult } from './outbox';

export interface SyncOptions {
  /** Whether main can reach the platform now (the admin may also work offline on purpose). */
  isOnline(): boolean;
  /** Main finished every op it was given: pull, so confirmed catches up with what landed. */
  onDrained?(): void;
  onProgress?(p: PushStatus): void;
  /** After each result of main was written to the outbox (History and the result snackbar follow). */
  onResult?(planId: string): void;
}

export interface SyncLoop {
  /** When online, hand everything unfinished to main; resolves to how many ops were handed. */
  kick(): Promise<number>;
  stop(): void;
}

/**
 * The renderer's push loop: outbox ops (queued with their precondition) go to main's engine
 * (sync.push) whenever we are online — at start, on every new op, and when the connection
 * comes back; main's sync.op events are written back to the outbox. Nothing is sent twice:
 * main skips rounds of ops it already has and answers finished ones from its journal.
 */
export const startSync = (db: RosterDb, bridge: Pick<RosterBridge, 'invoke' | 'on'>, o: SyncOptions): SyncLoop => {
  let chain: Promise<number> = Promise.resolve(0);
  let scheduled = false;
  let stopped = false;
  /** Finished rounds of ops written to the outbox since main last heard: main's journal keeps them until told. */
  const recorded = new Map<string, OpRef>();
  const pass = async (): Promise<number> => {
    if (!o.isOnline()) return 0;
    const ops = await pushable(db);
    let handed = 0;
    for (let i = 0; i < ops.length && !stopped; i += SYNC_PUSH_MAX) {
      const told = [...recorded.values()].slice(0, SYNC_PUSH_MAX);
      const status = await bridge.invoke('sync.push', { ops: ops.slice(i, i + SYNC_PUSH_MAX), ...(told.length ? { recorded: told } : {}) });
      for (const ref of told) recorded.delete(opKey(ref));
      handed += Math.min(SYNC_PUSH_MAX, ops.length - i);
      o.onProgress?.(status);
    }
    return handed;
  };
  // One pass at a time; a kick during a pass schedules exactly one more after it (kicks coalesce).
  const kick = (): Promise<number> => {
    if (scheduled) return chain;
    scheduled = true;
    chain = chain.catch(() => 0).then(() => {
      scheduled = false;
      return stopped ? 0 : pass();
    });
    return chain;
  };
  // A failed pass (main unreachable) leaves everything queued; the next kick tries again.
  const onCreating = () => void setTimeout(() => void kick().catch(() => undefined), 0);
  db.outbox.hook('creating', onCreating);
  // An entry back to pending (a conflict resolved with keep mine, a Retry) must be sent too.
  const onUpdating = (mods: object) => {
    if ((mods as { status?: string }).status === 'pending') onCreating();
  };
  db.outbox.hook('updating', onUpdating);
  const offs = [
    bridge.on('sync.op', (op) =>
      void recordResult(db, op).then(() => {
        if (isFinal(op.status)) recorded.set(opKey(op), { id: op.id, round: op.round });
        o.onResult?.(op.planId);
      })),
    bridge.on('sync.progress', (p) => {
      o.onProgress?.(p);
      if (p.running === 0 && p.total > 0 && p.done === p.total) o.onDrained?.();
    }),
    bridge.on('connection.changed', (info) => {
      if (info.online) void kick().catch(() => undefined);
    }),
  ];
  void kick().catch(() => undefined);
  return {
    kick,
    stop() {
      stopped = true;
      db.outbox.hook('creating').unsubscribe(onCreating);
      db.outbox.hook('updating').unsubscribe(onUpdating);
      for (const off of offs) off();
    },
  };
};
