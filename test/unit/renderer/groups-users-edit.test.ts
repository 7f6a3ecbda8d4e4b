import { describe, expect, it } from 'vitest';
import { planChangeRoles, planMoveAccounts, planRemoveUsersFromGroup } from '../../../renderer/src/domain/groupPlans';

const G = { id: 'g1', name: 'Services 1' };

describe('Users in Group: Remove from group and Change roles…', () => {
  it('R7: "Remove from group" takes every role each user holds there, one op per role set', () => {
    const p = planRemoveUsersFromGroup(G, [
      { userId: 'u1', roleIds: ['std'] },
      { userId: 'u2', roleIds: ['std'] },
      { userId: 'u3', roleIds: ['std', 'sup'] },
    ]);
    expect(p).toEqual({
      ok: true,
      skipped: [],
      ops: [
        { op: 'group.removeUserRoles', groupId: 'g1', userIds: ['u1', 'u2'], roleIds: ['std'] },
        { op: 'group.removeUserRoles', groupId: 'g1', userIds: ['u3'], roleIds: ['std', 'sup'] },
      ],
    });
    expect(planRemoveUsersFromGroup(G, [{ userId: 'u9', roleIds: [] }])).toMatchObject({ ok: false, reason: expect.stringMatching(/hold no roles in Services 1/) });
  });

  it('R7: "Change roles…" adds to those who lack a role and removes from those who hold one; nothing to do is refused', () => {
    const members = [
      { userId: 'u1', roleIds: ['std'] },
      { userId: 'u2', roleIds: ['sup'] },
    ];
    expect(planChangeRoles(G, members, ['sup'], ['std'])).toEqual({
      ok: true,
      skipped: [],
      ops: [
        { op: 'group.addUserRoles', groupId: 'g1', userIds: ['u1'], roleIds: ['sup'] },
        { op: 'group.removeUserRoles', groupId: 'g1', userIds: ['u1'], roleIds: ['std'] },
      ],
    });
    expect(planChangeRoles(G, members, ['std'], ['std'])).toMatchObject({ ok: false });
    expect(planChangeRoles(G, [{ userId: 'u1', roleIds: ['std'] }], ['std'], [])).toMatchObject({ ok: false, reason: expect.stringMatching(/Nothing to change/) });
  });
});

describe('move accounts between groups', () => {
  const S1 = { id: 's1', name: 'Services 1' };
  const S2 = { id: 's2', name: 'Services 2' };
  it('one plan: leave the source, join the target; accounts already in the target only leave', () => {
    const p = planMoveAccounts(S1, { group: S2, accountIds: ['a', 'b'], members: new Set(['b']), primaryAccountId: 'p' }, new Set(['a', 'b']));
    expect(p).toEqual({
      ok: true,
      ops: [
        { op: 'group.removeAccounts', groupId: 's1', accountIds: ['a', 'b'] },
        { op: 'group.addAccounts', groupId: 's2', accountIds: ['a'] },
      ],
      skipped: [{ accountId: 'b', reason: 'already in Services 2' }],
    });
  });
  it('R3: accounts never leave All Accounts, so a move out of it is refused', () => {
    const all = { id: 'all', name: 'All Accounts', defaultGroup: true };
    expect(planMoveAccounts(all, { group: S2, accountIds: ['a'], members: new Set(), primaryAccountId: 'p' }, new Set(['a']))).toMatchObject({ ok: false, reason: expect.stringMatching(/R3/) });
  });
});
