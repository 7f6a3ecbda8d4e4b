import type { OpCalls } from '../types';
import { groupExists } from './expect';
import { resourcesCall } from './resources';

/** group.shareResources (R15, R22–R24): the group's Resources gain the selected resources. */
export const groupShareResources: OpCalls<'group.shareResources'> = {
  kind: 'group.shareResources',
  calls: (op) => [resourcesCall(op.groupId, op.resources, 'share')],
  expectations: (op) => groupExists(op.groupId),
};
