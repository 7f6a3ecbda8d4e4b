import { describe, expect, it } from 'vitest';
import { buildState } from '../../../shared/access';
import { applyOps } from '../../../shared/plans/apply';
import { inversePlan } from '../../../shared/plans/inverse';
import type { PlanOp } from '../../../shared/plans/types';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { DEMO, demoSnapshot } from '../../../shared/seeds/demo';

const { groups, accounts, users } = EXAMPLE;
const [ABC, DEF, GHI] = accounts.map((a) => a.accountId);
const STD = BUILT_IN_ROLE_IDS['Standard User'];

/** Undo = the inverse plan from the state before; applying plan then inverse gives the state back. */
const roundTrip = (ops: PlanOp[], snap = exampleSnapshot()) => {
  const before = buildState(snap);
  const inv = inversePlan(before, ops);
  const after = applyOps(before, ops).state;
  const back = applyOps(after, inv.ops).state;
  return { inv, before, back };
};

const groupsOf = (s: ReturnType<typeof buildState>, a: string) => [...(s.accountGroups.get(a) ?? [])].sort();
const rolesIn = (s: ReturnType<typeof buildState>, u: string, g: string) => [...(s.userGroupRoles.getSet(u, g) ?? [])].sort();

describe('inverse plans (undo)', () => {
  it('R7: removing ServUser2 from Services 1 is undone by giving back exactly the roles removed', () => {
    const { inv, before, back } = roundTrip([{ op: 'group.removeUserRoles', groupId: groups.services1, userIds: [users[1]], roleIds: [STD, BUILT_IN_ROLE_IDS.Support] }]);
    // ServUser2 never held Support in Services 1: only Standard User comes back.
    expect(inv.ops).toEqual([{ op: 'group.addUserRoles', groupId: groups.services1, userIds: [users[1]], roleIds: [STD] }]);
    expect(rolesIn(back, users[1], groups.services1)).toEqual(rolesIn(before, users[1], groups.services1));
  });

  it('a move (remove from one group, add to another) is undone in reverse order; accounts already there stay', () => {
    const ops: PlanOp[] = [
      { op: 'group.removeAccounts', groupId: groups.services1, accountIds: [ABC!, DEF!] },
      { op: 'group.addAccounts', groupId: groups.services2, accountIds: [ABC!, DEF!, GHI!] },
    ];
    const { inv, before, back } = roundTrip(ops);
    expect(inv.ops).toEqual([
      { op: 'group.removeAccounts', groupId: groups.services2, accountIds: [ABC, DEF] },
      { op: 'group.addAccounts', groupId: groups.services1, accountIds: [ABC, DEF] },
    ]);
    for (const a of [ABC!, DEF!, GHI!]) expect(groupsOf(back, a)).toEqual(groupsOf(before, a));
  });

  it('rename back, the previous Support Access Role (R10), grant ⇄ revoke (R26, R27)', () => {
    const { inv } = roundTrip(
      [
        { op: 'group.rename', groupId: groups.services1, name: 'Services North' },
        { op: 'account.setSupportAccessRole', accountId: ABC!, roleId: BUILT_IN_ROLE_IDS.Support },
        { op: 'partner.grant', serviceId: DEMO.service, accountIds: [...DEMO.partnerAccounts.map((a) => a.accountId)], userIds: [users[0], users[1]] },
      ],
      demoSnapshot(),
    );
    expect(inv.ops).toEqual([
      // ServUser1 already had both accounts (demo seed): only ServUser2's access goes.
      { op: 'partner.revoke', serviceId: DEMO.service, accountIds: DEMO.partnerAccounts.map((a) => a.accountId), userIds: [users[1]] },
      { op: 'account.setSupportAccessRole', accountId: ABC, roleId: null },
      { op: 'group.rename', groupId: groups.services1, name: 'Services 1', fromName: 'Services North' },
    ]);
  });

  it('R9: removing a direct role is undone by adding it back; share ⇄ unshare names what cannot come back (R20)', () => {
    const snap = demoSnapshot();
    const { inv, back } = roundTrip(
      [
        { op: 'account.removeUserRoles', accountId: DEF!, userIds: [DEMO.partnerUser], roleIds: [BUILT_IN_ROLE_IDS.Support] },
        { op: 'group.unshareResources', groupId: groups.services1, resources: [{ objectType: 'Role', resourceId: DEMO.roles.deployer }] },
      ],
      snap,
    );
    expect(inv.ops[0]).toMatchObject({ op: 'group.shareResources', groupId: groups.services1 });
    expect(inv.ops[1]).toEqual({ op: 'account.addUserRoles', accountId: DEF, userIds: [DEMO.partnerUser], roleIds: [BUILT_IN_ROLE_IDS.Support] });
    expect(inv.notes.join(' ')).toMatch(/R20/);
    expect(back.aurRoles.has(`${DEF}\n${DEMO.partnerUser}`, BUILT_IN_ROLE_IDS.Support)).toBe(true);
  });

  it('an op that changed nothing has nothing to undo; a create is undone by emptying the group (R3)', () => {
    const { inv } = roundTrip([
      { op: 'group.addAccounts', groupId: groups.services1, accountIds: [ABC!] },
      { op: 'group.create', name: 'Services 3', accountId: EXAMPLE.primary.accountId },
      { op: 'group.addAccounts', groupId: 'new:Services 3', accountIds: [GHI!] },
    ]);
    expect(inv.ops).toEqual([{ op: 'group.removeAccounts', groupId: 'new:Services 3', accountIds: [GHI] }]);
    expect(inv.notes.join(' ')).toMatch(/cannot be deleted/);
  });
});
