import { describe, expect, it } from 'vitest';
import {
  accessStateOf, diffSnapshots, lastChangeText, lastChanged, snapshotStateOf, subjectOfChange, type AppliedPlan, type ChangeSubject, type TimedSnapshot,
} from '../../../shared/review';
import { accountGroupAccountId } from '../../../shared/model';
import type { Snapshot } from '../../../shared/model';
import type { PlanOp } from '../../../shared/plans';
import { G, GHI, ABC, U1, direct, example, state, withService, SVC, P1, customRole, shareInSnapshot, builtIn } from '../access/fixtures';

// Hand-made snapshots on the worked example: Services 1 holds ABC and DEF, not GHI.
const link = (s: Snapshot, groupId: string, accountId: string) => {
  s.AccountGroupAccount.push({ '@type': 'AccountGroupAccount', id: accountGroupAccountId(groupId, accountId), accountGroupId: groupId, accountId });
  return s;
};
const unlink = (s: Snapshot, groupId: string, accountId: string) => {
  s.AccountGroupAccount = s.AccountGroupAccount.filter((l) => !(l.accountGroupId === groupId && l.accountId === accountId));
  return s;
};
const baseline = (name: string, at: string, snap: Snapshot, savedAt?: string): TimedSnapshot => ({ kind: 'baseline', name, at, ...(savedAt ? { savedAt } : {}), stateOf: snapshotStateOf(snap) });
const refresh = (at: string, snap: Snapshot): TimedSnapshot => ({ kind: 'refresh', at, stateOf: accessStateOf(state(snap)) });
/** Undo's inverse of an op that changed all it names (History keeps the real one, read from the state before). */
const flip = (op: PlanOp): PlanOp[] => {
  switch (op.op) {
    case 'group.addAccounts': return [{ ...op, op: 'group.removeAccounts' }];
    case 'group.removeAccounts': return [{ ...op, op: 'group.addAccounts' }];
    case 'group.addUserRoles': return [{ ...op, op: 'group.removeUserRoles' }];
    case 'group.removeUserRoles': return [{ ...op, op: 'group.addUserRoles' }];
    case 'group.unshareResources': return [{ ...op, op: 'group.shareResources' }];
    case 'account.addUserRoles': return [{ ...op, op: 'account.removeUserRoles' }];
    case 'partner.revoke': return [{ ...op, op: 'partner.grant' }];
    case 'group.rename': return [{ ...op, name: op.fromName ?? 'before' }];
    default: return [];
  }
};
const applied = (planId: string, appliedAt: string, ...ops: PlanOp[]): AppliedPlan => ({
  planId, appliedAt, admin: 'admin@partner.com', ops: ops.map((op) => ({ op, status: 'applied' })), inverse: ops.flatMap(flip),
});

const GHI_IN_S1: ChangeSubject = { type: 'groupAccount', groupId: G.services1, accountId: GHI };
const ABC_IN_S1: ChangeSubject = { type: 'groupAccount', groupId: G.services1, accountId: ABC };
const T = { b1: '2026-12-01T09:41:00.000Z', b2: '2026-12-02T09:41:00.000Z', plan: '2026-12-02T10:02:00.000Z', r: '2026-12-02T11:30:00.000Z' };
const time = (iso: string) => iso.slice(5, 16).replace('T', ' ');

describe('lastChanged: when a reviewed row last changed, from baselines, the refresh and History', () => {
  it('only the refresh holds it: unknown, said as before the oldest snapshot', () => {
    const c = lastChanged(ABC_IN_S1, [refresh(T.r, example())], []);
    expect(c).toEqual({ kind: 'unknown', oldest: { kind: 'refresh', at: T.r } });
    expect(lastChangeText(c, time)).toBe('unknown: before the oldest snapshot (the refresh of 12-02 11:30)');
    expect(lastChangeText(lastChanged(ABC_IN_S1, [], []), time)).toBe('unknown: no snapshot yet');
  });

  it('the same in every baseline and the refresh: not changed since the oldest baseline', () => {
    const c = lastChanged(ABC_IN_S1, [refresh(T.r, example()), baseline('Q4', T.b2, example()), baseline('Nov', T.b1, example())], []);
    expect(c).toEqual({ kind: 'unchanged', since: { kind: 'baseline', name: 'Nov', at: T.b1 } });
    expect(lastChangeText(c, time)).toBe('not changed since the baseline "Nov" of 12-01 09:41');
  });

  it('absent rows are dated too: GHI has never been in Services 1', () => {
    expect(lastChanged(GHI_IN_S1, [baseline('Nov', T.b1, example()), refresh(T.r, example())], []).kind).toBe('unchanged');
  });

  it('two snapshots disagree and no plan explains it: changed on the platform between them (the last interval)', () => {
    const snaps = [baseline('Nov', T.b1, example()), baseline('Q4', T.b2, link(example(), G.services1, GHI)), refresh(T.r, link(example(), G.services1, GHI))];
    const c = lastChanged(GHI_IN_S1, snaps, []);
    expect(c).toEqual({ kind: 'between', from: { kind: 'baseline', name: 'Nov', at: T.b1 }, to: { kind: 'baseline', name: 'Q4', at: T.b2 }, effect: 'added' });
    expect(lastChangeText(c, time)).toBe('added on the platform between the baseline "Nov" of 12-01 09:41 and the baseline "Q4" of 12-02 09:41');
    // Removed later: the latest change is the one reported.
    const back = [...snaps.slice(0, 2), refresh(T.r, example())];
    expect(lastChanged(GHI_IN_S1, back, [])).toMatchObject({ kind: 'between', from: { name: 'Q4' }, to: { kind: 'refresh' }, effect: 'removed' });
  });

  it('a plan applied in the interval of the change explains it, with its exact time', () => {
    const history = [applied('p1', T.plan, { op: 'group.addAccounts', groupId: G.services1, accountIds: [GHI] })];
    const c = lastChanged(GHI_IN_S1, [baseline('Q4', T.b2, example()), refresh(T.r, link(example(), G.services1, GHI))], history);
    expect(c).toEqual({ kind: 'plan', at: T.plan, planId: 'p1', admin: 'admin@partner.com', effect: 'added' });
    expect(lastChangeText(c, time)).toBe('added by your plan applied 12-02 10:02');
  });

  it('the refresh holds plans applied after its last scan (applying writes the cache)', () => {
    const late = '2026-12-02T12:00:00.000Z';
    const history = [applied('p1', late, { op: 'group.removeAccounts', groupId: G.services1, accountIds: [ABC] })];
    const c = lastChanged(ABC_IN_S1, [baseline('Q4', T.b2, example()), refresh(T.r, unlink(example(), G.services1, ABC))], history);
    expect(c).toMatchObject({ kind: 'plan', at: late, effect: 'removed' });
    // No baseline at all: the plan is still the last change known.
    expect(lastChanged(ABC_IN_S1, [refresh(T.r, unlink(example(), G.services1, ABC))], history)).toMatchObject({ kind: 'plan', effect: 'removed' });
  });

  it('a baseline saved after a plan holds it: the plan is not taken for a later change', () => {
    // Scanned 09:41, the plan at 10:02 wrote the cache, the baseline was saved at 10:10 with it.
    const history = [applied('p1', T.plan, { op: 'group.addAccounts', groupId: G.services1, accountIds: [GHI] })];
    const snaps = [baseline('Before', T.b1, example()), baseline('Q4', T.b2, link(example(), G.services1, GHI), '2026-12-02T10:10:00.000Z'), refresh(T.r, link(example(), G.services1, GHI))];
    expect(lastChanged(GHI_IN_S1, snaps, history)).toMatchObject({ kind: 'plan', planId: 'p1' });
    // A baseline saved after the plan without GHI: removed on the platform after the plan, seen there.
    const removedSince = [baseline('Q4', T.b2, example(), '2026-12-02T10:10:00.000Z'), refresh(T.r, example())];
    expect(lastChanged(GHI_IN_S1, removedSince, history)).toMatchObject({ kind: 'afterPlan', to: { name: 'Q4' }, effect: 'removed' });
    // The same baseline saved before the plan does not hold it: the plan is the last change the refresh confirms.
    const savedBefore = [baseline('Q4', T.b2, example(), T.b2), refresh(T.r, link(example(), G.services1, GHI))];
    expect(lastChanged(GHI_IN_S1, savedBefore, history)).toMatchObject({ kind: 'plan', planId: 'p1' });
  });

  it('a plan that named the row without changing it (its inverse leaves the row out) is not a change of it', () => {
    // Add ABC and GHI to Services 1: ABC was there already, so undo would remove GHI only.
    const op: PlanOp = { op: 'group.addAccounts', groupId: G.services1, accountIds: [ABC, GHI] };
    const plan: AppliedPlan = { ...applied('p1', T.plan, op), inverse: [{ op: 'group.removeAccounts', groupId: G.services1, accountIds: [GHI] }] };
    const snaps = [baseline('Q4', T.b2, example()), refresh(T.r, link(example(), G.services1, GHI))];
    expect(lastChanged(ABC_IN_S1, snaps, [plan]).kind).toBe('unchanged');
    expect(lastChanged(GHI_IN_S1, snaps, [plan])).toMatchObject({ kind: 'plan', effect: 'added' });
  });

  it('a change no snapshot saw, undone by a plan, is dated by the plan (added on the platform, removed by your plan)', () => {
    // The baseline and the refresh after the plan agree (GHI not in Services 1), yet the plan removed it.
    const history = [applied('p1', T.plan, { op: 'group.removeAccounts', groupId: G.services1, accountIds: [GHI] })];
    expect(lastChanged(GHI_IN_S1, [baseline('Before drift', T.b1, example()), refresh(T.r, example())], history)).toMatchObject({ kind: 'plan', effect: 'removed', at: T.plan });
  });

  it('a snapshot holding a plan shows the row otherwise: changed on the platform after the plan', () => {
    const history = [applied('p1', T.plan, { op: 'group.addAccounts', groupId: G.services1, accountIds: [GHI] })];
    const c = lastChanged(GHI_IN_S1, [baseline('Q4', T.b2, example()), refresh(T.r, example())], history);
    expect(c).toEqual({ kind: 'afterPlan', plan: { at: T.plan, planId: 'p1' }, to: { kind: 'refresh', at: T.r }, effect: 'removed' });
    expect(lastChangeText(c, time)).toBe('removed on the platform after your plan applied 12-02 10:02 (seen in the refresh of 12-02 11:30)');
  });

  it('a plan that failed or found its effect already there is not a change', () => {
    const op: PlanOp = { op: 'group.addAccounts', groupId: G.services1, accountIds: [GHI] };
    const snaps = [baseline('Q4', T.b2, example()), refresh(T.r, example())];
    expect(lastChanged(GHI_IN_S1, snaps, [{ ...applied('p1', T.plan), ops: [{ op, status: 'failed' }] }]).kind).toBe('unchanged');
    expect(lastChanged(GHI_IN_S1, snaps, [{ ...applied('p1', T.plan), ops: [{ op, status: 'unchanged' }] }]).kind).toBe('unchanged');
    expect(lastChanged(GHI_IN_S1, [refresh(T.r, example())], [{ ...applied('p1', T.plan), ops: [{ op, status: 'failed' }] }]).kind).toBe('unknown');
  });

  it('the latest explaining plan wins; a plan older than the oldest baseline is the last change when nothing moved since', () => {
    const add: PlanOp = { op: 'group.addAccounts', groupId: G.services1, accountIds: [GHI] };
    const old = '2026-11-30T08:00:00.000Z';
    const snaps = [baseline('Nov', T.b1, link(example(), G.services1, GHI)), refresh(T.r, link(example(), G.services1, GHI))];
    expect(lastChanged(GHI_IN_S1, snaps, [applied('old', old, add)])).toMatchObject({ kind: 'plan', planId: 'old', at: old });
    const twice = [applied('a', '2026-12-02T10:00:00.000Z', add), applied('b', '2026-12-02T10:05:00.000Z', add)];
    expect(lastChanged(GHI_IN_S1, [baseline('Q4', T.b2, example()), refresh(T.r, link(example(), G.services1, GHI))], twice)).toMatchObject({ planId: 'b' });
  });

  it('a group: created (a create in History is matched by name, its id came later) and renamed', () => {
    const group: ChangeSubject = { type: 'group', groupId: G.services1 };
    const renamed = example();
    renamed.AccountGroup.find((g) => g.id === G.services1)!.name = 'Services North';
    const rename: PlanOp = { op: 'group.rename', groupId: G.services1, name: 'Services North' };
    expect(lastChanged(group, [baseline('Q4', T.b2, example()), refresh(T.r, renamed)], [applied('p', T.plan, rename)])).toMatchObject({ kind: 'plan', effect: 'renamed' });
    expect(lastChanged(group, [baseline('Q4', T.b2, example()), refresh(T.r, renamed)], [])).toMatchObject({ kind: 'between', effect: 'renamed' });
    const created = example();
    created.AccountGroup.push({ ...created.AccountGroup[0]!, id: 'g-new', name: 'Services 3', defaultGroup: false });
    const create: PlanOp = { op: 'group.create', name: 'Services 3' };
    const fresh: ChangeSubject = { type: 'group', groupId: 'g-new' };
    expect(lastChanged(fresh, [baseline('Q4', T.b2, example()), refresh(T.r, created)], [applied('p', T.plan, create)])).toMatchObject({ kind: 'plan', effect: 'added' });
    // The accounts added in the same plan name the group by its provisional id.
    const withLink = link(structuredClone(created), 'g-new', GHI);
    const addToNew: PlanOp = { op: 'group.addAccounts', groupId: 'new:Services 3', accountIds: [GHI] };
    const subject: ChangeSubject = { type: 'groupAccount', groupId: 'g-new', accountId: GHI };
    expect(lastChanged(subject, [baseline('Q4', T.b2, example()), refresh(T.r, withLink)], [applied('p', T.plan, create, addToNew)])).toMatchObject({ kind: 'plan', effect: 'added' });
    // Another group of another name is not that group.
    const other: PlanOp = { op: 'group.addAccounts', groupId: 'new:Services 4', accountIds: [GHI] };
    expect(lastChanged(subject, [baseline('Q4', T.b2, example()), refresh(T.r, withLink)], [applied('p', T.plan, other)]).kind).toBe('between');
  });

  it('a user role in a group, a direct role, a share and partner access each read from both snapshots and History', () => {
    const role = builtIn('Standard User');
    const withDirect = direct(example(), ABC, U1, role);
    const dr: ChangeSubject = { type: 'directRole', accountId: ABC, userId: U1, roleId: role };
    const addDirect: PlanOp = { op: 'account.addUserRoles', accountId: ABC, userIds: [U1], roleIds: [role] };
    expect(lastChanged(dr, [baseline('Q4', T.b2, example()), refresh(T.r, withDirect)], [applied('p', T.plan, addDirect)])).toMatchObject({ kind: 'plan', effect: 'added' });

    const gur: ChangeSubject = { type: 'groupUserRole', groupId: G.services1, userId: U1, roleId: example().AccountGroupUserRole.find((l) => l.accountGroupId === G.services1 && l.userId === U1)!.roleId };
    const dropped = example();
    dropped.AccountGroupUserRole = dropped.AccountGroupUserRole.filter((l) => !(l.accountGroupId === G.services1 && l.userId === U1));
    expect(lastChanged(gur, [baseline('Q4', T.b2, example()), refresh(T.r, dropped)], [])).toMatchObject({ kind: 'between', effect: 'removed' });

    const shared = example();
    const deployer = customRole(shared);
    shareInSnapshot(shared, G.services1, deployer);
    const plain = structuredClone(shared);
    plain.AccountGroup.find((g) => g.id === G.services1)!.Resources = { '@type': 'Resources', Resource: [] };
    const share: ChangeSubject = { type: 'groupResource', groupId: G.services1, objectType: 'Role', resourceId: deployer.id };
    const unshare: PlanOp = { op: 'group.unshareResources', groupId: G.services1, resources: [{ objectType: 'Role', resourceId: deployer.id }] };
    expect(lastChanged(share, [baseline('Q4', T.b2, shared), refresh(T.r, plain)], [applied('p', T.plan, unshare)])).toMatchObject({ kind: 'plan', effect: 'removed' });

    const partner: ChangeSubject = { type: 'partnerAccess', serviceId: SVC, accountId: P1, userId: U1 };
    const svc = withService(example());
    const has = snapshotStateOf(svc)(partner) !== null;
    const revoked = structuredClone(svc);
    revoked.PartnerAccountAccess = (revoked.PartnerAccountAccess ?? []).filter((l) => !(l.serviceId === SVC && l.accountId === P1 && l.userId === U1));
    const revoke: PlanOp = { op: 'partner.revoke', serviceId: SVC, accountIds: [P1], userIds: [U1] };
    expect(has).toBe(true);
    expect(lastChanged(partner, [baseline('Q4', T.b2, svc), refresh(T.r, revoked)], [applied('p', T.plan, revoke)])).toMatchObject({ kind: 'plan', effect: 'removed' });
  });

  it('a snapshot and the cache built from it agree on every kind of row (the two readers see the same)', () => {
    const s = withService(direct(example(), ABC, U1, builtIn('Standard User')));
    const fromSnap = snapshotStateOf(s);
    const fromCache = accessStateOf(state(s));
    const subjects: ChangeSubject[] = [
      { type: 'group', groupId: G.services1 }, ABC_IN_S1, GHI_IN_S1,
      ...s.AccountGroupUserRole.map((l) => ({ type: 'groupUserRole' as const, groupId: l.accountGroupId, userId: l.userId, roleId: l.roleId })),
      ...s.AccountUserRole.map((l) => ({ type: 'directRole' as const, accountId: l.accountId, userId: l.userId, roleId: l.roleId })),
      ...(s.PartnerAccountAccess ?? []).map((l) => ({ type: 'partnerAccess' as const, serviceId: l.serviceId, accountId: l.accountId, userId: l.userId })),
    ];
    for (const t of subjects) expect(fromCache(t)).toBe(fromSnap(t));
  });

  it('every structural change of a compare names the row it is about (the Support Access Role aside)', () => {
    const before = withService(example());
    const after = withService(example());
    link(after, G.services1, GHI);
    direct(after, ABC, U1, builtIn('Standard User'));
    after.AccountGroup.find((g) => g.id === G.services2)!.name = 'Services North';
    after.PartnerAccountAccess = after.PartnerAccountAccess.filter((l) => !(l.accountId === P1 && l.userId === U1));
    const subjects = diffSnapshots(before, after).changes.map((c) => [c.kind, subjectOfChange(c)]);
    expect(subjects).toEqual(expect.arrayContaining([
      ['group.renamed', { type: 'group', groupId: G.services2 }],
      ['group.accountAdded', GHI_IN_S1],
      ['account.userRoleAdded', { type: 'directRole', accountId: ABC, userId: U1, roleId: builtIn('Standard User') }],
      ['partner.accessRevoked', { type: 'partnerAccess', serviceId: SVC, accountId: P1, userId: U1 }],
    ]));
    expect(subjectOfChange({ kind: 'account.supportAccessRoleChanged', accountId: ABC })).toBeNull();
  });
});
