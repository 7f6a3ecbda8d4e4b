// The invariant for shared lists edited by read-modify-write (a group's Resources):
// nothing another admin shared or unshared is lost where the vendor API makes that detectable.
import type { Snapshot } from '../../shared/model';
import type { OutboxOp } from '../../shared/sync/types';
import { HOT_GROUPS } from './sharedOps';
import type { Timing } from './verify';

export interface Done {
  client: number;
  op: OutboxOp;
  t: Required<Timing>;
}

type ResOp = Extract<OutboxOp['args'], { op: 'group.shareResources' | 'group.unshareResources' }>;

const resOp = (d: Done): ResOp | undefined =>
  d.op.args.op === 'group.shareResources' || d.op.args.op === 'group.unshareResources' ? d.op.args : undefined;

const overlaps = (a: Required<Timing>, b: Required<Timing>): boolean => a.startedAt < b.completedAt && b.startedAt < a.completedAt;

export interface SharedVerdict {
  violations: string[];
  /**
   * Effects lost to another admin's concurrent edit of the same group's list: the inherent
   * GET→UPDATE window of an UPDATE that replaces the whole list (no ETag), measured, not hidden.
   */
  residual: number;
}

/**
 * For each resource an applied share/unshare set on a hot group and nobody touched after it
 * started: it must hold on the platform. If it does not, and another admin's edit of the same
 * group's Resources overlapped it in time, that is the residual window (counted); without such
 * an overlap it is a lost change (a violation).
 */
export const verifyShared = (done: Done[], truth: Snapshot): SharedVerdict => {
  const v: SharedVerdict = { violations: [], residual: 0 };
  const on = (g: string, r: string) => (truth.AccountGroup.find((x) => x.id === g)?.Resources?.Resource ?? []).some((x) => x.resourceId === r);
  const res = done.filter((d) => resOp(d) && HOT_GROUPS.includes(resOp(d)!.groupId));
  for (const w of res) {
    if (w.op.status !== 'applied' && w.op.status !== 'unchanged') continue;
    const a = resOp(w)!;
    for (const { resourceId } of a.resources) {
      const touched = res.some((x) => x !== w && x.t.completedAt > w.t.startedAt && resOp(x)!.resources.some((r) => r.resourceId === resourceId) && resOp(x)!.groupId === a.groupId);
      if (touched || on(a.groupId, resourceId) === (a.op === 'group.shareResources')) continue;
      const raced = res.some((x) => x.client !== w.client && resOp(x)!.groupId === a.groupId && overlaps(x.t, w.t));
      if (raced) v.residual++;
      else v.violations.push(`${a.op} of ${resourceId} on group ${a.groupId} (${w.op.id}, ${w.op.status}) was lost with no concurrent edit of that group`);
    }
  }
  return v;
};
