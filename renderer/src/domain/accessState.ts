import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { buildState, type AccessState } from '../../../shared/access';
import { applyOps } from '../../../shared/plans/apply';
import type { PlanOp } from '../../../shared/plans/types';
import { db } from '../app/db';
import { cacheVersion, loadSnapshot, unconfirmedOps, type RosterDb } from '../cache';

/**
 * The rules engine's view of the cache for the Resources, Access explorer and Partner areas:
 * confirmed ⊕ pending (DESIGN.md, Edit). The confirmed indexes are built once per cache version;
 * queued ops are replayed on an O(1) fork, so a new outbox entry costs only its own ops.
 */
let memo: { version: string; state: Promise<AccessState> } | null = null;

export const confirmedAccessState = async (database: RosterDb, version: string): Promise<AccessState> => {
  if (memo?.version !== version) memo = { version, state: loadSnapshot(database).then(buildState) };
  return memo.state;
};

/** Pure: the optimistic view; refused pending ops change nothing (they surface on the Sync screen). */
export const withPending = (base: AccessState, pending: readonly PlanOp[]): AccessState =>
  pending.length ? applyOps(base, pending).state : base;

export interface LiveAccess {
  state: AccessState;
  /** Changes whenever the confirmed cache or the outbox changes. */
  version: string;
  pending: number;
}

/** undefined while the cache is read; then re-computed whenever the cache or the outbox changes. */
export const useAccessState = (): LiveAccess | undefined => {
  const inputs = useLiveQuery(async () => {
    const [version, pending] = await Promise.all([cacheVersion(db), unconfirmedOps(db)]);
    return { version, ops: pending.map((e) => e.op), key: `${version}#${pending.map((e) => `${e.id}:${e.status}`).join(',')}` };
  }, []);
  const [live, setLive] = useState<LiveAccess>();
  useEffect(() => {
    if (!inputs) return;
    let current = true;
    void confirmedAccessState(db, inputs.version).then((base) => {
      if (current) setLive({ state: withPending(base, inputs.ops), version: inputs.key, pending: inputs.ops.length });
    });
    return () => {
      current = false;
    };
  }, [inputs]);
  return live;
};
