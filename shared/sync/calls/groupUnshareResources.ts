import type { OpCalls } from '../types';
import { groupExists } from './expect';
import { resourcesCall } from './resources';

/** group.unshareResources (R20): the group's Resources lose the selected resources. */
export const groupUnshareResources: OpCalls<'group.unshareResources'> = {
  kind: 'group.unshareResources',
  calls: (op) => [resourcesCall(op.groupId, op.resources, 'unshare')],
  expectations: (op) => groupExists(op.groupId),
};
