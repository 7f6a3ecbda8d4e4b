import type { OpModule } from '../op';
import { groupNameKey } from '../../access/state';
import { firstRefusal, groupRefusal, nameRefusal } from './common';

export const groupRename: OpModule<'group.rename'> = {
  kind: 'group.rename',
  refuse: (s, op) =>
    firstRefusal(
      () => groupRefusal(s, op.groupId),
      () => (s.groups.get(op.groupId)!.defaultGroup ? 'R3: the "All Accounts" group cannot be renamed' : null),
      () => nameRefusal(s, s.groups.get(op.groupId)!.accountId, op.name, op.groupId),
    ),
  unchanged: (s, op) => s.groups.get(op.groupId)?.name === op.name.trim(),
  perform(draft, op) {
    const g = draft.groups.get(op.groupId)!;
    draft.groupNames.delete(groupNameKey(g.accountId, g.name));
    draft.groupNames.set(groupNameKey(g.accountId, op.name), g.id);
    draft.groups.set(g.id, { ...g, name: op.name.trim() });
  },
  touches() {},
};
