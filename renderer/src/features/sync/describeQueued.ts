import type { PlanOp } from '../../../../shared/plans/types';
import { describePlanOp, type Names } from '../../domain/describe';

/**
 * A queued change in words. A rename says the name the group had when it was queued (its
 * `fromName`), not the group's current name — which is the new name once the rename has landed,
 * or someone else's name after they renamed it too.
 */
export const describeQueued = (op: PlanOp, n: Names): string =>
  op.op === 'group.rename' && op.fromName !== undefined ? `Rename “${op.fromName}” to “${op.name}”.` : describePlanOp(op, n);
