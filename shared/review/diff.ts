import type { AccessState } from '../access';
import { buildState } from '../access';
import type { Snapshot } from '../model';
import { accessDiff, type AccessDiff } from './accessDiff';
import { structuralChanges, type Change } from './changes';
import { stateAfter } from './stateAfter';

/** DESIGN.md "Review: baselines, diff, report": the shape `roster diff` prints. */
export interface SnapshotDiff {
  changes: Change[];
  access: AccessDiff;
}

/** The diff of two access states (a baseline's and the cache's, or any two snapshots). */
export const diffStates = (before: AccessState, after: AccessState): SnapshotDiff => {
  const { changes, touched } = structuralChanges(before, after);
  return { changes, access: accessDiff(before, after, touched) };
};

/** The after state is the before state's fork with the differing records patched in (stateAfter.ts). */
export const diffSnapshots = (before: Snapshot, after: Snapshot): SnapshotDiff => {
  const b = buildState(before);
  return diffStates(b, stateAfter(b, after));
};
