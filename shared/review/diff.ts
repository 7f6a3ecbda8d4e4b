import type { AccessState } from '../access';
import { buildState } from '../access';
import type { Snapshot } from '../model';
import { accessDiff, type AccessDiff } from './accessDiff';
import { structuralChanges, type Change } from './changes';

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

export const diffSnapshots = (before: Snapshot, after: Snapshot): SnapshotDiff => diffStates(buildState(before), buildState(after));
