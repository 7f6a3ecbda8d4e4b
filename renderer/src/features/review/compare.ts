import type { AccessState } from '../../../../shared/access';
import { buildState } from '../../../../shared/access';
import type { Snapshot } from '../../../../shared/model';
import { diffStates, stateAfter, type SnapshotDiff } from '../../../../shared/review';
import { loadSnapshot, type RosterDb } from '../../cache';
import { baselineSnapshot } from './store';

/** One side of a compare: a saved baseline, or the cache as it is now (its confirmed records). */
export type CompareSide = { kind: 'baseline'; id: string } | { kind: 'now' };

export interface CompareResult {
  diff: SnapshotDiff;
  ms: number;
}

const snapshotOf = (db: RosterDb, side: CompareSide): Promise<Snapshot> =>
  side.kind === 'now' ? loadSnapshot(db) : baselineSnapshot(db, side.id);

/**
 * The before side's indexes, kept for the last baseline asked for: a baseline never changes, so
 * comparing it again (or after `warmCompare` when the Baselines view opens) skips its index build,
 * the biggest part of a compare at the large tier. The cache's "now" is never kept: it moves.
 */
let prepared: { id: string; state: Promise<AccessState> } | null = null;

const beforeState = (db: RosterDb, side: CompareSide): Promise<AccessState> => {
  if (side.kind === 'now') return loadSnapshot(db).then(buildState);
  if (prepared?.id !== side.id) {
    const state = baselineSnapshot(db, side.id).then(buildState);
    prepared = { id: side.id, state };
    state.catch(() => { if (prepared?.state === state) prepared = null; });
  }
  return prepared.state;
};

/** Builds a baseline's indexes ahead of its compare. */
export const warmSide = async (db: RosterDb, side: CompareSide): Promise<void> => {
  if (side.kind === 'baseline') await beforeState(db, side);
};

/**
 * Structural changes and the access diff (shared/review) of two snapshots of the cache: the after
 * side is the before side's indexes with the changed records patched in (stateAfter).
 */
export const compareSides = async (db: RosterDb, before: CompareSide, after: CompareSide): Promise<CompareResult> => {
  const t0 = performance.now();
  const [b, a] = await Promise.all([beforeState(db, before), snapshotOf(db, after)]);
  const diff = diffStates(b, stateAfter(b, a));
  return { diff, ms: performance.now() - t0 };
};
