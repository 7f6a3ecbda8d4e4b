import type { Snapshot } from '../../../../shared/model';
import { diffSnapshots, type SnapshotDiff } from '../../../../shared/review';
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

/** Structural changes and the access diff (shared/review) of two snapshots of the cache. */
export const compareSides = async (db: RosterDb, before: CompareSide, after: CompareSide): Promise<CompareResult> => {
  const [b, a] = await Promise.all([snapshotOf(db, before), snapshotOf(db, after)]);
  const t0 = performance.now();
  const diff = diffSnapshots(b, a);
  return { diff, ms: performance.now() - t0 };
};
