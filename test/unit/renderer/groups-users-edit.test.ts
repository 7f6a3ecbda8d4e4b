import { describe, expect, it } from 'vitest';
import { planChangeRoles, planRemoveUsersFromGroup } from '../../../renderer/src/domain/groupPlans';

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
