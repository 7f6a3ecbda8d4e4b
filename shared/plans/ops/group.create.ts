import type { OpModule } from '../op';
import { groupNameKey, primaryAccountId } from '../../access/state';
import { provisionalGroupId } from '../types';
import { firstRefusal, nameRefusal, ownerRefusal } from './common';

const ownerOf = (s: Parameters<OpModule<'group.create'>['refuse']>[0], accountId?: string) => accountId ?? primaryAccountId(s);

// Idempotent: a group of that name already in the primary means the create has happened.
const unchanged: OpModule<'group.create'>['unchanged'] = (s, op) => {
  const owner = ownerOf(s, op.accountId);
  return owner !== undefined && s.groupNames.has(groupNameKey(owner, op.name));
};

/** Creates a group in the primary account (R1, R2); its id stays provisional until the platform assigns one. */
export const groupCreate: OpModule<'group.create'> = {
  kind: 'group.create',
  refuse(s, op) {
    const owner = ownerOf(s, op.accountId);
    if (unchanged(s, op)) return null;
    return firstRefusal(() => ownerRefusal(s, owner), () => nameRefusal(s, owner!, op.name));
  },
  unchanged,
  perform(draft, op) {
    const owner = ownerOf(draft, op.accountId)!;
    const id = provisionalGroupId(op.name.trim());
    draft.groups.set(id, {
      '@type': 'AccountGroup', id, accountId: owner, name: op.name.trim(), defaultGroup: false,
      autoSubscribeAlertLevel: 'none', Resources: { '@type': 'Resources', Resource: [] },
    });
    draft.groupNames.set(groupNameKey(owner, op.name), id);
  },
  touches() {},
};
