import { describe, expect, it } from 'vitest';
import { buildState } from '../../../shared/access';
import { ApiError } from '../../../shared/api/errors';
import type { SyncApi } from '../../../shared/api/sync';
import { annotate, applyOps, callsOf, describeOp, namesFrom, opModule, neverSignedInOf, notificationsOf, resolvePlanFile, whatIf, whatIfSummary, withNotifyUser, type CallContext, type PlanOp } from '../../../shared/plans';
import { ABC, DEF, G, P1, SVC, U1, U2, U3, U4, example, neverSignedIn, withService } from '../access/fixtures';
import { knownUserIds } from '../../../shared/access/state';
import { BUILT_IN_ROLE_IDS as R } from '../../../shared/seeds/builtInRoles';

// The vendor's documented behaviours (its AccountUserRole/AccountGroupUserRole pages), honoured
// by Roster's plans: notifyUser always explicit, unknown users refused, never-signed-in users
// refused in words, and a user's last direct role on an account taking them off it.

/** The create bodies the calls send, on a platform where nothing holds yet (or one that refuses). */
const sentBodies = async (op: PlanOp, refuse?: string): Promise<Record<string, unknown>[]> => {
  const bodies: Record<string, unknown>[] = [];
  const api = {
    create: async (_t: string, body: Record<string, unknown>) => {
      if (refuse) throw new ApiError('bad-request', 400, refuse);
      bodies.push(body);
      return body;
    },
  } as unknown as SyncApi;
  const ctx = { api, accountId: 'primary', resolve: { group: async (g: string) => g } } as unknown as CallContext;
  for (const c of callsOf(op)) await c.send(ctx, []);
  return bodies;
};

describe('notifyUser: the vendor e-mails every user added unless told not to', () => {
  const add: PlanOp = { op: 'group.addUserRoles', groupId: G.services1, userIds: [U3, U4], roleIds: [R['Browse Only']] };

  it('every AccountGroupUserRole/AccountUserRole create sends notifyUser explicitly: false unless the op says true', async () => {
    expect((await sentBodies(add)).map((b) => b.notifyUser)).toEqual([false, false]);
    expect((await sentBodies({ ...add, notifyUser: true })).map((b) => b.notifyUser)).toEqual([true, true]);
    const direct: PlanOp = { op: 'account.addUserRoles', accountId: ABC, userIds: [U1], roleIds: [R['Browse Only']] };
    expect((await sentBodies(direct)).map((b) => b.notifyUser)).toEqual([false]);
    expect((await sentBodies({ ...direct, notifyUser: true })).map((b) => b.notifyUser)).toEqual([true]);
  });

  it('the preview counts one e-mail per link the plan creates, not for what already holds, nor for refused ops', () => {
    const st = buildState(example());
    // U3 and U4 already hold Standard User in Services 2: only Browse Only is new for them.
    const ops: PlanOp[] = [
      { op: 'group.addUserRoles', groupId: G.services2, userIds: [U3, U4], roleIds: [R['Standard User'], R['Browse Only']] },
      { op: 'account.addUserRoles', accountId: ABC, userIds: [U1], roleIds: [R.Support] },
      { op: 'group.addUserRoles', groupId: 'no-such-group', userIds: [U1], roleIds: [R.Support] },
    ];
    expect(notificationsOf(st, ops)).toEqual({ emails: 3, users: 3 });
    expect(notificationsOf(st, [{ op: 'group.addAccounts', groupId: G.services1, accountIds: [DEF] }])).toEqual({ emails: 0, users: 0 });
  });

  it("the admin's choice is set on every op that notifies and said in its sentence; other ops are untouched", () => {
    const other: PlanOp = { op: 'group.addAccounts', groupId: G.services1, accountIds: [DEF] };
    const [a, b] = withNotifyUser([add, other], true);
    expect(a).toMatchObject({ notifyUser: true });
    expect(b).toEqual(other);
    expect(describeOp(a!, namesFrom(buildState(example())))).toMatch(/The platform e-mails each user added\.$/);
    // A platform that sends no e-mail (the reference platform's default profile): nothing said of one.
    expect(describeOp(a!, { ...namesFrom(buildState(example())), vendor: false })).not.toMatch(/e-mail/);
    expect(withNotifyUser([add], false)[0]).toMatchObject({ notifyUser: false });
  });

  it('plan files carry the choice (absent: no e-mail, so existing plan files stay valid)', () => {
    const r = resolvePlanFile(example(), { plan: [
      { op: 'group.addUserRoles', group: 'Services 1', users: [U3], roles: ['Support'] },
      { op: 'group.addUserRoles', group: 'Services 1', users: [U3], roles: ['Browse Only'], notifyUser: true },
    ] });
    expect(r.ok && r.ops.map((o) => ('notifyUser' in o ? o.notifyUser : undefined))).toEqual([undefined, true]);
  });
});

describe('unknown users: a role on an account for an unknown id creates that user on the vendor', () => {
  const vendorShaped = () => Object.assign(example(), { User: [] });

  it('a plan file naming a user Roster has never seen is refused before anything is sent, naming the id', () => {
    const r = resolvePlanFile(vendorShaped(), { plan: [{ op: 'account.addUserRoles', account: ABC, users: ['servuesr1@boomi.com'], roles: ['Support'] }] });
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/^plan\.0 \(account\.addUserRoles\): unknown user "servuesr1@boomi\.com": Roster has never seen this user id/)] });
  });

  it('the users Roster knows are those with a User record, a role or partner access: the pickers offer them all', () => {
    const st = buildState(vendorShaped());
    expect(knownUserIds(st).sort()).toEqual([U1, U2, U3, U4].sort());
    expect(knownUserIds(buildState(Object.assign(example(), { User: [], AccountGroupUserRole: [] })))).toEqual([]);
  });

  it('newUsers confirms a new user; an id there that is not among users is an error', () => {
    const ok = resolvePlanFile(vendorShaped(), { plan: [{ op: 'account.addUserRoles', account: ABC, users: ['new@boomi.com'], roles: ['Support'], newUsers: ['new@boomi.com'] }] });
    expect(ok).toMatchObject({ ok: true, ops: [{ userIds: ['new@boomi.com'], newUsers: ['new@boomi.com'] }] });
    expect(describeOp((ok as { ops: PlanOp[] }).ops[0]!, namesFrom(undefined))).toMatch(/The platform creates the new user new@boomi\.com\./);
    // A platform known not to create users (the reference platform's default profile) refuses the role instead.
    expect(describeOp((ok as { ops: PlanOp[] }).ops[0]!, { ...namesFrom(undefined), vendor: false })).toMatch(
      /to new@boomi\.com\. This platform does not create users: it will refuse the role of new@boomi\.com\.$/,
    );
    const bad = resolvePlanFile(vendorShaped(), { plan: [{ op: 'account.addUserRoles', account: ABC, users: [U1], roles: ['Support'], newUsers: ['other@boomi.com'] }] });
    expect(bad).toEqual({ ok: false, errors: ['plan.0 (account.addUserRoles): newUsers lists "other@boomi.com", which is not among users'] });
  });
});

describe('never signed in: the vendor refuses to add such a user to a group', () => {
  it("the platform's refusal reaches the admin in words, naming the user", async () => {
    const add: PlanOp = { op: 'group.addUserRoles', groupId: G.services1, userIds: [U3], roleIds: [R.Support] };
    await expect(sentBodies(add, 'user ServUser3@boomi.com has never signed in: a user must sign in first')).rejects.toThrow(
      `${U3} has never signed in; the platform cannot add them to a group until they do`,
    );
    // Any other refusal is the platform's own message.
    await expect(sentBodies(add, 'something else')).rejects.toThrow('something else');
  });

  it('where the cache knew the user never signed in, the refusal names them by display name and e-mail', async () => {
    const add: PlanOp = annotate(buildState(neverSignedIn(example())), { op: 'group.addUserRoles', groupId: G.services1, userIds: [U3, U4], roleIds: [R.Support] });
    expect(add).toMatchObject({ userNames: { [U3]: 'Serv User3' } });
    await expect(sentBodies(add, 'user ServUser3@boomi.com has never signed in: a user must sign in first')).rejects.toThrow(
      `Serv User3 (${U3}) has never signed in; the platform cannot add them to a group until they do`,
    );
  });

  it('the preview warns before sending: each user the cache knows never signed in, once, with every group the plan adds them to', () => {
    const st = buildState(neverSignedIn(example()));
    const ops: PlanOp[] = [
      { op: 'group.addUserRoles', groupId: G.services1, userIds: [U3, U4], roleIds: [R.Support] },
      { op: 'group.addUserRoles', groupId: G.all, userIds: [U3], roleIds: [R['Browse Only']] },
      // Refused (no such group): sends nothing, so warns of nothing.
      { op: 'group.addUserRoles', groupId: 'no-such-group', userIds: [U3], roleIds: [R.Support] },
    ];
    expect(neverSignedInOf(st, ops)).toEqual([{ userId: U3, name: 'Serv User3', groups: ['Services 1', 'All Accounts'] }]);
    // A role they already hold is not sent: U3 holds Standard User in Services 2.
    expect(neverSignedInOf(st, [{ op: 'group.addUserRoles', groupId: G.services2, userIds: [U3], roleIds: [R['Standard User']] }])).toEqual([]);
    // Direct roles on an account are not refused for this.
    expect(neverSignedInOf(st, [{ op: 'account.addUserRoles', accountId: ABC, userIds: [U3], roleIds: [R.Support] }])).toEqual([]);
    // Where the cache does not know (the vendor's API lists no users), nothing is guessed.
    expect(neverSignedInOf(buildState(Object.assign(example(), { User: [] })), ops)).toEqual([]);
    // Seed 002 as its source describes it: every user has signed in, so nothing is warned.
    expect(neverSignedInOf(buildState(example()), ops)).toEqual([]);
  });
});

describe("last direct role removed: the vendor removes the user from the account", () => {
  it('the what-if lists, per user, the accounts they leave; removing one of two roles leaves nobody', () => {
    const s = example();
    s.AccountUserRole.push(
      { '@type': 'AccountUserRole', id: 'aur-1', accountId: ABC, userId: U1, roleId: R['Browse Only'] },
      { '@type': 'AccountUserRole', id: 'aur-2', accountId: ABC, userId: U1, roleId: R.Support },
      { '@type': 'AccountUserRole', id: 'aur-3', accountId: DEF, userId: U1, roleId: R.Support },
    );
    const st = buildState(s);
    const one: PlanOp = { op: 'account.removeUserRoles', accountId: ABC, userIds: [U1], roleIds: [R.Support] };
    expect(whatIf(st, [one]).leavesAccount).toEqual([]);
    const last: PlanOp[] = [
      { op: 'account.removeUserRoles', accountId: ABC, userIds: [U1], roleIds: [R.Support, R['Browse Only']] },
      { op: 'account.removeUserRoles', accountId: DEF, userIds: [U1], roleIds: [R.Support] },
    ];
    expect(whatIf(st, last).leavesAccount).toEqual([{ userId: U1, accountId: ABC }, { userId: U1, accountId: DEF }]);
    const sum = whatIfSummary(st, last, 1);
    expect([sum.totals.leavesAccount, sum.digest.leavesAccount]).toEqual([2, [{ userId: U1, accounts: 2, roles: [] }]]);
  });
});

describe('a removal naming a user Roster does not know: nothing to remove, and the result says so', () => {
  // As the vendor's API shows it once a plan took U2's last roles: no User records, no role of U2's.
  const gone = () => {
    const s = withService(example());
    return Object.assign(s, { User: [], AccountGroupUserRole: s.AccountGroupUserRole.filter((l) => l.userId !== U2), PartnerAccountAccess: [] });
  };
  const note = (u: string, held = 'these roles') =>
    `Roster knows no user "${u}", so nothing was removed: nobody by that id holds ${held} here; an earlier run may have taken their last role, otherwise check the spelling`;

  it('resolves, is unchanged (nothing sent), and notes the id as perhaps removed earlier, perhaps a typo', () => {
    const r = resolvePlanFile(gone(), { plan: [
      { op: 'group.removeUserRoles', group: 'Services 1', users: [U2], roles: ['Standard User'] },
      { op: 'account.removeUserRoles', account: ABC, users: [U2], roles: ['Support'] },
      { op: 'partner.revoke', service: SVC, accounts: [P1], users: [U2] },
      { op: 'group.removeUserRoles', group: 'Services 1', users: ['servuesr1@boomi.com'], roles: ['Standard User'] },
    ] });
    expect(r.ok).toBe(true);
    const { results } = applyOps(buildState(gone()), r.ok ? r.ops : []);
    expect(results.map((x) => [x.status, x.note])).toEqual([
      ['unchanged', note(U2)], ['unchanged', note(U2)], ['unchanged', note(U2, 'access to these accounts')], ['unchanged', note('servuesr1@boomi.com')],
    ]);
  });

  it('a removal naming a known user and an unknown one applies to the known one, noting the other', () => {
    const op: PlanOp = { op: 'group.removeUserRoles', groupId: G.services1, userIds: [U1, U2], roleIds: [R['Standard User']] };
    const [result] = applyOps(buildState(gone()), [op]).results;
    expect([result!.status, result!.note]).toEqual(['applied', note(U2)]);
    // Where every user is known, nothing is noted.
    expect(applyOps(buildState(example()), [op]).results[0]).toEqual({ index: 0, op, status: 'applied' });
  });

  it('adds still refuse an unknown user: a typo must not create a user on the vendor', () => {
    const st = buildState(gone());
    const r = resolvePlanFile(gone(), { plan: [
      { op: 'group.addUserRoles', group: 'Services 1', users: [U2], roles: ['Support'] },
      { op: 'account.addUserRoles', account: ABC, users: [U2], roles: ['Support'] },
    ] });
    expect(r).toEqual({ ok: false, errors: [
      `plan.0 (group.addUserRoles): unknown user "${U2}": Roster has never seen this user id; check the spelling (a new user is confirmed in an account.addUserRoles op's "newUsers")`,
      `plan.1 (account.addUserRoles): unknown user "${U2}": Roster has never seen this user id; check the spelling (a new user is confirmed in an account.addUserRoles op's "newUsers")`,
    ] });
    const add: PlanOp = { op: 'account.addUserRoles', accountId: ABC, userIds: [U2], roleIds: [R.Support] };
    expect(opModule(add).refuse(st, add)).toMatch(/^unknown user "ServUser2@boomi.com": Roster has never seen this id/);
    const grant: PlanOp = { op: 'partner.grant', serviceId: SVC, accountIds: [P1], userIds: [U2] };
    expect(opModule(grant).refuse(st, grant)).toMatch(/^unknown user "ServUser2@boomi.com"/);
    expect(applyOps(st, [add, grant]).results.map((x) => x.status)).toEqual(['refused', 'refused']);
  });
});
