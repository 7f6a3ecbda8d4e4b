import type { AccessState } from '../access';
import { pair } from '../access/layer';
import { groupResourcesOf } from '../access/state';
import type { Snapshot } from '../model';
import type { PlanOp } from '../plans';
import { provisionalName, isProvisionalId } from '../plans/ids';
import type { Change } from './changes';
import type { ReviewTarget } from './decisions';

/**
 * "When it last changed", for a reviewed row: read from what Roster holds — the baselines (each a
 * snapshot at a known time), the cache (the latest refresh) and the History of applied plans. A
 * snapshot only tells the state at its time, so a change seen between two snapshots is placed
 * between them; a plan in History gives the exact time. Before the oldest snapshot nothing is
 * known, and the answer says so rather than guess.
 */
export type ChangeSubject =
  | ReviewTarget
  | { type: 'group'; groupId: string }
  | { type: 'groupResource'; groupId: string; objectType: string; resourceId: string };

/** A subject's state in one snapshot: null when absent; a group's name; 'present' for the rest. */
export type SubjectState = string | null;
export type StateOf = (subject: ChangeSubject) => SubjectState;

export interface TimedSnapshot {
  kind: 'baseline' | 'refresh';
  /** A baseline's name; the refresh has none. */
  name?: string;
  /** When the snapshot's data was read from the platform (ISO): its last complete scan. */
  at: string;
  /** A baseline: when it was taken from the cache (it holds the plans applied before then). */
  savedAt?: string;
  stateOf: StateOf;
}

/** What History keeps of an applied plan that is read here (the renderer's HistoryEntry fits). */
export interface AppliedPlan {
  planId: string;
  appliedAt: string;
  admin: string;
  ops: readonly { op: PlanOp; status: string }[];
  /**
   * Undo's inverse, read from the state before the plan: it names exactly what the plan changed
   * (an op adding two accounts, one already there, is undone by removing the other one only).
   */
  inverse: readonly PlanOp[];
}

export type SnapshotRef = Pick<TimedSnapshot, 'kind' | 'name' | 'at'>;
export type ChangeEffect = 'added' | 'removed' | 'renamed';

export type LastChange =
  /** An applied plan of this Roster made the change (its time is exact). */
  | { kind: 'plan'; at: string; planId: string; admin: string; effect: ChangeEffect }
  /** Two snapshots disagree and no plan of this Roster explains it: changed on the platform in between. */
  | { kind: 'between'; from: SnapshotRef; to: SnapshotRef; effect: ChangeEffect }
  /** A plan changed it, and a later snapshot shows it otherwise: changed on the platform since. */
  | { kind: 'afterPlan'; plan: { at: string; planId: string }; to: SnapshotRef; effect: ChangeEffect }
  /** The same in every snapshot since the oldest baseline; before that, unknown. */
  | { kind: 'unchanged'; since: SnapshotRef }
  /** Only the refresh itself holds it (no baseline, no plan): when it changed is before what Roster holds. */
  | { kind: 'unknown'; oldest: SnapshotRef | null };

const PRESENT = 'present';

export const subjectKey = (t: ChangeSubject): string => {
  switch (t.type) {
    case 'group': return `g\n${t.groupId}`;
    case 'groupAccount': return `ga\n${t.groupId}\n${t.accountId}`;
    case 'groupUserRole': return `gur\n${t.groupId}\n${t.userId}\n${t.roleId}`;
    case 'groupResource': return `gr\n${t.groupId}\n${t.objectType}\n${t.resourceId}`;
    case 'directRole': return `aur\n${t.accountId}\n${t.userId}\n${t.roleId}`;
    case 'partnerAccess': return `pa\n${t.serviceId}\n${t.accountId}\n${t.userId}`;
  }
};

const snapshotIndexes = new WeakMap<Snapshot, Map<string, string>>();

/** A snapshot's states, indexed once per snapshot (a baseline at the large tier: ~110,000 keys). */
export const snapshotStateOf = (snap: Snapshot): StateOf => {
  let index = snapshotIndexes.get(snap);
  if (!index) {
    index = new Map();
    for (const g of snap.AccountGroup ?? []) {
      index.set(subjectKey({ type: 'group', groupId: g.id }), g.name);
      for (const r of groupResourcesOf(g)) index.set(subjectKey({ type: 'groupResource', groupId: g.id, objectType: r.objectType ?? '', resourceId: r.resourceId }), PRESENT);
    }
    for (const l of snap.AccountGroupAccount ?? []) index.set(subjectKey({ type: 'groupAccount', groupId: l.accountGroupId, accountId: l.accountId }), PRESENT);
    for (const l of snap.AccountGroupUserRole ?? []) index.set(subjectKey({ type: 'groupUserRole', groupId: l.accountGroupId, userId: l.userId, roleId: l.roleId }), PRESENT);
    for (const l of snap.AccountUserRole ?? []) index.set(subjectKey({ type: 'directRole', accountId: l.accountId, userId: l.userId, roleId: l.roleId }), PRESENT);
    for (const l of snap.PartnerAccountAccess ?? []) index.set(subjectKey({ type: 'partnerAccess', serviceId: l.serviceId, accountId: l.accountId, userId: l.userId }), PRESENT);
    snapshotIndexes.set(snap, index);
  }
  const built = index;
  return (subject) => built.get(subjectKey(subject)) ?? null;
};

/** The cache's states, read from its indexes (nothing built). */
export const accessStateOf = (s: AccessState): StateOf => (t) => {
  const yes = (b: boolean) => (b ? PRESENT : null);
  switch (t.type) {
    case 'group': return s.groups.get(t.groupId)?.name ?? null;
    case 'groupAccount': return yes(s.groupAccounts.has(t.groupId, t.accountId));
    case 'groupUserRole': return yes(s.userGroupRoles.has(t.userId, t.groupId, t.roleId));
    case 'groupResource': return yes(groupResourcesOf(s.groups.get(t.groupId)).some((r) => r.objectType === t.objectType && r.resourceId === t.resourceId));
    case 'directRole': return yes(s.aurRoles.has(pair(t.accountId, t.userId), t.roleId));
    case 'partnerAccess': return yes(s.partner.has(pair(t.accountId, t.userId), t.serviceId));
  }
};

/**
 * What an op does to the subject, when it concerns it: the state it leaves and the effect's word.
 * A group created in a plan has no id in History (the platform assigned it later; ops of the same
 * plan name it `new:<name>`): it is matched by name, `name` being what the snapshots call it.
 */
const effectOn = (op: PlanOp, t: ChangeSubject, name: SubjectState): { after: SubjectState; effect: ChangeEffect } | undefined => {
  const group = (id: string, g: string) => id === g || (isProvisionalId(id) && provisionalName(id) === name);
  const has = (xs: readonly string[], x: string) => xs.includes(x);
  const added = { after: PRESENT, effect: 'added' as const };
  const removed = { after: null, effect: 'removed' as const };
  const either = (concerns: boolean, add: boolean) => (concerns ? (add ? added : removed) : undefined);
  switch (op.op) {
    case 'group.create': return t.type === 'group' && op.name === name ? { after: op.name, effect: 'added' } : undefined;
    case 'group.rename': return t.type === 'group' && group(op.groupId, t.groupId) ? { after: op.name, effect: 'renamed' } : undefined;
    case 'group.addAccounts':
    case 'group.removeAccounts':
      return either(t.type === 'groupAccount' && group(op.groupId, t.groupId) && has(op.accountIds, t.accountId), op.op === 'group.addAccounts');
    case 'group.addUserRoles':
    case 'group.removeUserRoles':
      return either(t.type === 'groupUserRole' && group(op.groupId, t.groupId) && has(op.userIds, t.userId) && has(op.roleIds, t.roleId), op.op === 'group.addUserRoles');
    case 'group.shareResources':
    case 'group.unshareResources':
      return either(
        t.type === 'groupResource' && group(op.groupId, t.groupId) && op.resources.some((r) => r.objectType === t.objectType && r.resourceId === t.resourceId),
        op.op === 'group.shareResources',
      );
    case 'account.addUserRoles':
    case 'account.removeUserRoles':
      return either(t.type === 'directRole' && op.accountId === t.accountId && has(op.userIds, t.userId) && has(op.roleIds, t.roleId), op.op === 'account.addUserRoles');
    case 'partner.grant':
    case 'partner.revoke':
      return either(t.type === 'partnerAccess' && op.serviceId === t.serviceId && has(op.accountIds, t.accountId) && has(op.userIds, t.userId), op.op === 'partner.grant');
    case 'partner.removeAccountFromService':
      return either(t.type === 'partnerAccess' && op.serviceId === t.serviceId && op.accountId === t.accountId, false);
    case 'role.delete':
      return either((t.type === 'groupUserRole' || t.type === 'directRole') && op.roleId === t.roleId, false);
    default:
      return undefined;
  }
};

const between = (before: SubjectState, after: SubjectState): ChangeEffect =>
  before === null ? 'added' : after === null ? 'removed' : 'renamed';

const ref = ({ kind, name, at }: TimedSnapshot): SnapshotRef => (name === undefined ? { kind, at } : { kind, name, at });

/** Until when a snapshot holds this Roster's applied plans: the refresh holds every one. */
const plansUntil = (s: TimedSnapshot): string => (s.kind === 'refresh' ? '\uffff' : (s.savedAt ?? s.at));

/**
 * When `subject` last changed. `snapshots` are the baselines and the refresh, in any order. The
 * platform's changes land in a snapshot by its `at` (its last scan); this Roster's applied plans
 * by when it was taken from the cache (applying writes the cache: the refresh holds every plan
 * applied so far, even after its last scan). A plan counts as a change of the row only where
 * its inverse undoes something of it (it really changed it, not just named it); it is the last
 * change unless a snapshot holding it shows the row otherwise, or a later pair of snapshots
 * disagrees. Two snapshots that disagree with no plan between them: changed on the platform.
 */
export const lastChanged = (subject: ChangeSubject, snapshots: readonly TimedSnapshot[], history: readonly AppliedPlan[]): LastChange => {
  // By scan time; on a tie the refresh last (it holds at least what a baseline saved from it holds).
  const order = (s: TimedSnapshot) => `${s.at}\n${s.kind === 'refresh' ? 1 : 0}`;
  const timeline = [...snapshots].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  if (!timeline.length) return { kind: 'unknown', oldest: null };
  const states = timeline.map((s) => s.stateOf(subject));
  let k = 0; // when > 0, the last disagreement lies between timeline[k - 1] and timeline[k]
  for (let i = states.length - 1; i > 0 && !k; i--) if (states[i] !== states[i - 1]) k = i;
  const groupId = 'groupId' in subject ? subject.groupId : null;
  // The group's name in the newest snapshot that has it (a create in History is matched by it).
  const names = groupId ? timeline.map((s) => s.stateOf({ type: 'group', groupId })).filter((n) => n !== null) : [];
  const groupName = names.at(-1) ?? null;

  let last: { plan: AppliedPlan; after: SubjectState; effect: ChangeEffect } | null = null;
  for (const plan of history) {
    if (last && last.plan.appliedAt >= plan.appliedAt) continue;
    // A create has no inverse of the group itself (undo empties it): its name is the proof.
    const changed = plan.inverse.some((op) => effectOn(op, subject, groupName));
    for (const { op, status } of plan.ops) {
      if (status !== 'applied') continue;
      const e = effectOn(op, subject, groupName);
      if (e && (changed || op.op === 'group.create')) last = { plan, ...e };
    }
  }
  if (last) {
    const p = last.plan.appliedAt;
    const j = timeline.findIndex((s) => plansUntil(s) >= p); // the first snapshot holding the plan
    if (k <= j || j < 0) {
      if (j >= 0 && states[j] !== last.after) {
        return { kind: 'afterPlan', plan: { at: p, planId: last.plan.planId }, to: ref(timeline[j]!), effect: between(last.after, states[j]!) };
      }
      return { kind: 'plan', at: p, planId: last.plan.planId, admin: last.plan.admin, effect: last.effect };
    }
  }
  if (k) return { kind: 'between', from: ref(timeline[k - 1]!), to: ref(timeline[k]!), effect: between(states[k - 1]!, states[k]!) };
  const oldest = timeline[0]!;
  return oldest.kind === 'baseline' ? { kind: 'unchanged', since: ref(oldest) } : { kind: 'unknown', oldest: ref(oldest) };
};

/** The row a structural change is about (a drift list's row), or null (the Support Access Role has no history here). */
export const subjectOfChange = (c: Change): ChangeSubject | null => {
  const { groupId: g, accountId: a, userId: u, roleId: r, serviceId: svc } = c;
  switch (c.kind) {
    case 'group.created': case 'group.deleted': case 'group.renamed':
      return g ? { type: 'group', groupId: g } : null;
    case 'group.accountAdded': case 'group.accountRemoved':
      return g && a ? { type: 'groupAccount', groupId: g, accountId: a } : null;
    case 'group.userRoleAdded': case 'group.userRoleRemoved':
      return g && u && r ? { type: 'groupUserRole', groupId: g, userId: u, roleId: r } : null;
    case 'group.resourceShared': case 'group.resourceUnshared':
      return g && c.objectType && c.resourceId ? { type: 'groupResource', groupId: g, objectType: c.objectType, resourceId: c.resourceId } : null;
    case 'account.userRoleAdded': case 'account.userRoleRemoved':
      return a && u && r ? { type: 'directRole', accountId: a, userId: u, roleId: r } : null;
    case 'partner.accessGranted': case 'partner.accessRevoked':
      return svc && a && u ? { type: 'partnerAccess', serviceId: svc, accountId: a, userId: u } : null;
    case 'account.supportAccessRoleChanged':
      return null;
  }
};

const refText = (r: SnapshotRef, time: (iso: string) => string) =>
  r.kind === 'baseline' ? `the baseline "${r.name}" of ${time(r.at)}` : `the refresh of ${time(r.at)}`;

/** The change in words; `time` formats an ISO time ("2 Dec 09:41"). */
export const lastChangeText = (c: LastChange, time: (iso: string) => string): string => {
  switch (c.kind) {
    case 'plan': return `${c.effect} by your plan applied ${time(c.at)}`;
    case 'between': return `${c.effect} on the platform between ${refText(c.from, time)} and ${refText(c.to, time)}`;
    case 'afterPlan': return `${c.effect} on the platform after your plan applied ${time(c.plan.at)} (seen in ${refText(c.to, time)})`;
    case 'unchanged': return `not changed since ${refText(c.since, time)}`;
    case 'unknown': return c.oldest ? `unknown: before the oldest snapshot (${refText(c.oldest, time)})` : 'unknown: no snapshot yet';
  }
};
