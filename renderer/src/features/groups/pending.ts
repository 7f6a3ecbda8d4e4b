import { isUnconfirmed, type OutboxEntry } from '../../cache';
import { provisionalGroupId } from '../../../../shared/plans/types';

/**
 * The pending side of "confirmed ⊕ pending" for the Groups area (DESIGN.md, Edit): what queued,
 * not yet confirmed ops will change. Optimistic values are never written to confirmed tables;
 * the screens overlay this instead.
 */
export interface GroupsOverlay {
  created: { id: string; name: string }[];
  renamed: Map<string, string>;
  addedAccounts: Map<string, Set<string>>;
  removedAccounts: Map<string, Set<string>>;
}

const bucket = (m: Map<string, Set<string>>, key: string): Set<string> => {
  let s = m.get(key);
  if (!s) m.set(key, (s = new Set()));
  return s;
};

export const emptyOverlay = (): GroupsOverlay => ({ created: [], renamed: new Map(), addedAccounts: new Map(), removedAccounts: new Map() });

/** Replays unconfirmed ops in outbox order; later ops win over earlier ones. */
export const groupsOverlay = (entries: readonly OutboxEntry[]): GroupsOverlay => {
  const o = emptyOverlay();
  const ordered = entries.filter(isUnconfirmed).sort((a, b) => a.seq - b.seq);
  for (const { op } of ordered) {
    switch (op.op) {
      case 'group.create':
        o.created.push({ id: provisionalGroupId(op.name), name: op.name });
        break;
      case 'group.rename':
        o.renamed.set(op.groupId, op.name);
        break;
      case 'group.addAccounts':
        for (const a of op.accountIds) {
          bucket(o.addedAccounts, op.groupId).add(a);
          o.removedAccounts.get(op.groupId)?.delete(a);
        }
        break;
      case 'group.removeAccounts':
        for (const a of op.accountIds) {
          bucket(o.removedAccounts, op.groupId).add(a);
          o.addedAccounts.get(op.groupId)?.delete(a);
        }
        break;
      default:
        break;
    }
  }
  return o;
};

/** Membership of one group as the admin will see it once the queue is sent. */
export const mergeMembers = (confirmed: readonly string[], overlay: GroupsOverlay, groupId: string) => {
  const removed = overlay.removedAccounts.get(groupId) ?? new Set<string>();
  const added = overlay.addedAccounts.get(groupId) ?? new Set<string>();
  const confirmedSet = new Set(confirmed);
  const members = confirmed.filter((a) => !removed.has(a));
  const pendingAdd = [...added].filter((a) => !confirmedSet.has(a));
  return { members: [...members, ...pendingAdd], pendingAdd: new Set(pendingAdd), pendingRemove: removed };
};
