import { describe, expect, it } from 'vitest';
import { buildState, explain, forkState } from '../../../shared/access';
import { applyOps, OP_MODULES, opModule, type PlanOp } from '../../../shared/plans';
import { ABC, G, GHI, U1, U3, example } from '../access/fixtures';
import { BUILT_IN_ROLE_IDS as R } from '../../../shared/seeds/builtInRoles';

describe('op modules', () => {
  it('the registry has one module per op kind, keyed by its kind', () => {
    for (const [kind, mod] of Object.entries(OP_MODULES)) expect(mod.kind).toBe(kind);
    expect(Object.keys(OP_MODULES)).toHaveLength(16);
  });

  it('refuse is pure and names unknown ids', () => {
    const st = buildState(example());
    const op: PlanOp = { op: 'group.addAccounts', groupId: 'ghost', accountIds: [ABC] };
    expect(opModule(op).refuse(st, op)).toBe('unknown group "ghost"');
    const op2: PlanOp = { op: 'account.addUserRoles', accountId: ABC, userIds: ['ghost@x.com', 'other@x.com'], roleIds: [R.Support] };
    expect(opModule(op2).refuse(st, op2)).toMatch(/^unknown users "ghost@x.com", "other@x.com": Roster has never seen these ids/);
    expect(st.groupAccounts.has(G.services1, ABC)).toBe(true);
  });

  it('duplicate and over-long group names are refused (create is idempotent by its exact name; another case is refused)', () => {
    const st = buildState(example());
    const results = applyOps(st, [
      { op: 'group.create', name: 'Services 3' },
      { op: 'group.create', name: 'services 3' },
      { op: 'group.rename', groupId: G.services2, name: 'SERVICES 1' },
      { op: 'group.rename', groupId: G.services2, name: 'y'.repeat(256) },
    ]).results;
    // "services 3" is not the group just made (the platform would answer 409): refused, naming it.
    expect(results.map((r) => r.status)).toEqual(['applied', 'refused', 'refused', 'refused']);
    expect(results[1]!.reason).toMatch(/a group named "Services 3" already exists .*regardless of case/);
    expect(results[2]!.reason).toMatch(/already exists/);
    expect(applyOps(st, [{ op: 'group.create', name: 'Services 2' }]).results[0]!.status).toBe('unchanged');
    expect(results[3]!.reason).toMatch(/256 characters/);
  });

  it('a group created in the plan can take accounts and users at once', () => {
    const st = buildState(example());
    const { state, results } = applyOps(st, [
      { op: 'group.create', name: 'Night Shift' },
      { op: 'group.addAccounts', groupId: 'new:Night Shift', accountIds: [GHI] },
      { op: 'group.addUserRoles', groupId: 'new:Night Shift', userIds: [U1], roleIds: [R.Administrator] },
    ]);
    expect(results.every((r) => r.status === 'applied')).toBe(true);
    expect(explain(state, U1, GHI).roles.map((r) => r.name)).toEqual(['Administrator', 'Support']);
    expect(explain(st, U1, GHI).roles.map((r) => r.name)).toEqual(['Support']);
  });

  it('perform on a fork writes only the fork, even through nested indexes', () => {
    const st = buildState(example());
    const draft = forkState(st);
    const op: PlanOp = { op: 'group.removeUserRoles', groupId: G.services2, userIds: [U3], roleIds: [R['Standard User']] };
    opModule(op).perform(draft, op);
    expect(draft.userGroupRoles.getSet(U3, G.services2)).toBeUndefined();
    expect(st.userGroupRoles.getSet(U3, G.services2)?.has(R['Standard User'])).toBe(true);
    expect(st.groupUsers.get(G.services2)?.has(U3)).toBe(true);
  });

  it('touches reports the pairs an op may change, on the state before it', () => {
    const st = buildState(example());
    const pairs: string[] = [];
    const op: PlanOp = { op: 'group.addAccounts', groupId: G.services1, accountIds: [GHI] };
    opModule(op).touches(st, op, (u, a) => pairs.push(`${u}@${a}`));
    expect(pairs.sort()).toEqual(['ServUser1@boomi.com', 'ServUser2@boomi.com'].map((u) => `${u}@${GHI}`));
  });
});

describe('snapshots from the vendor API (no User records)', () => {
  it('users holding roles are known, so plans and explain still work', () => {
    const s = example();
    s.User = [];
    const st = buildState(s);
    const { results } = applyOps(st, [{ op: 'account.addUserRoles', accountId: ABC, userIds: [U1], roleIds: [R.Support] }]);
    expect(results[0]!.status).toBe('applied');
    expect(explain(st, U1, GHI).roles.map((r) => r.name)).toEqual(['Support']);
  });

  it('a user id Roster has never seen is refused, even with no User records (a typo must not create a user)', () => {
    const s = example();
    s.User = [];
    const st = buildState(s);
    const op: PlanOp = { op: 'account.addUserRoles', accountId: ABC, userIds: [U1, 'nwe@boomi.com'], roleIds: [R.Support] };
    expect(opModule(op).refuse(st, op)).toMatch(/^unknown user "nwe@boomi.com": Roster has never seen this id, and the platform would create a new user/);
    const group: PlanOp = { op: 'group.addUserRoles', groupId: G.services1, userIds: ['nwe@boomi.com'], roleIds: [R.Support] };
    expect(opModule(group).refuse(st, group)).toMatch(/^unknown user "nwe@boomi.com": .*only a user who exists and has signed in/);
  });

  it('a new user the admin confirmed (newUsers) is given the role: the platform creates the user', () => {
    const s = example();
    s.User = [];
    const st = buildState(s);
    const op: PlanOp = { op: 'account.addUserRoles', accountId: ABC, userIds: ['new@boomi.com'], roleIds: [R.Support], newUsers: ['new@boomi.com'] };
    expect(opModule(op).refuse(st, op)).toBeNull();
    expect(applyOps(st, [op]).results[0]!.status).toBe('applied');
  });

  it('with User records (a platform that lists its users, so creates none), an unknown user is refused as a misspelt id, not as a new user', () => {
    const st = buildState(example());
    const op: PlanOp = { op: 'account.addUserRoles', accountId: ABC, userIds: ['new@boomi.com'], roleIds: [R.Support] };
    expect(opModule(op).refuse(st, op)).toBe('unknown user "new@boomi.com": Roster has never seen this id, and this platform lists its users: none has this id; check the spelling');
  });
});
