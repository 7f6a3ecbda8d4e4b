import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../renderer/src/cache';
import type { PlanOp } from '../../../shared/plans/types';
import { groupsOverlay, mergeMembers } from '../../../renderer/src/features/groups/pending';
import { describeOp } from '../../../renderer/src/features/groups/describe';

let seq = 0;
const entry = (op: PlanOp, status: OutboxEntry['status'] = 'pending'): OutboxEntry => ({
  id: `e${++seq}`, seq, planId: 'p', op, status, attempts: 0, lastError: null, createdAt: '2026-01-01T00:00:00Z',
});

describe('confirmed ⊕ pending for groups', () => {
  it('pending adds appear as members, marked pending', () => {
    const o = groupsOverlay([entry({ op: 'group.addAccounts', groupId: 'g', accountIds: ['c', 'a'] })]);
    const m = mergeMembers(['a', 'b'], o, 'g');
    expect(m.members.sort()).toEqual(['a', 'b', 'c']);
    expect([...m.pendingAdd]).toEqual(['c']);
  });

  it('a later removal cancels an earlier pending add; done entries are ignored', () => {
    const o = groupsOverlay([
      entry({ op: 'group.addAccounts', groupId: 'g', accountIds: ['c'] }),
      entry({ op: 'group.removeAccounts', groupId: 'g', accountIds: ['c', 'a'] }),
      entry({ op: 'group.addAccounts', groupId: 'g', accountIds: ['z'] }, 'done'),
    ]);
    const m = mergeMembers(['a', 'b'], o, 'g');
    expect(m.members).toEqual(['b']);
    expect(m.pendingAdd.size).toBe(0);
  });

  it('queued creations and renames are listed', () => {
    const o = groupsOverlay([entry({ op: 'group.create', name: 'Services 3' }), entry({ op: 'group.rename', groupId: 'g1', name: 'North' })]);
    expect(o.created).toEqual([{ id: 'new:Services 3', name: 'Services 3' }]);
    expect(o.renamed.get('g1')).toBe('North');
  });

  it('describes ops by name, truncating long account lists', () => {
    const names = { group: (id: string) => (id === 'g' ? 'Services 1' : id), account: (id: string) => `Acc ${id}` };
    const text = describeOp({ op: 'group.addAccounts', groupId: 'g', accountIds: ['1', '2', '3', '4', '5', '6', '7'] }, names);
    expect(text).toBe('Add 7 accounts to “Services 1”: Acc 1, Acc 2, Acc 3, Acc 4, Acc 5 and 2 more.');
  });
});
