import type { PlanOp } from '../plans/types';
import { applyOps } from '../plans/apply';
import type { AccessState } from './state';
import { roleLabel } from './state';
import type { Via } from './evaluate';
import { accountCtx, reuseSignature, signature, sigPrivileges, type AccessSig } from './signature';

/** One pair's change. `roles` and `privileges` may be shared between entries: read-only. */
export interface AccessChange {
  userId: string;
  accountId: string;
  /** Role names (R16 labels) gained or lost. */
  roles: string[];
  privileges: string[];
  /** The way in after the change (gains) or before it (losses). */
  via: Via;
}

export interface WhatIf {
  gains: AccessChange[];
  losses: AccessChange[];
  /** R13: could log in before, cannot after (R18, R20 lock-outs among them). */
  lockedOut: { userId: string; accountId: string }[];
  refused: { op: string; index: number; reason: string }[];
}

/** Labels are made as seen from an account that owns no role; `entry` redoes them where one does. */
const MEMBER = '\u0000member';

const minus = <T>(a: Iterable<T>, b: { has(x: T): boolean }): T[] => [...a].filter((x) => !b.has(x));

interface Side {
  s: AccessState;
  memo: Map<string, ReadonlySet<string>>;
}

/** What one signature has that another lacks; the same for every pair with those two keys. */
interface Delta {
  roleIds: string[];
  privileges: string[];
  gainedEntry: boolean;
  /** R16 labels as seen from member accounts, shared by every entry with this delta. */
  labels: string[];
  /** Accounts owning one of the roles: there the label has no " (shared)" and is made afresh. */
  owners: Set<string>;
}

const delta = (from: AccessSig, to: AccessSig, f: Side, t: Side, labelAt: string): Delta | null => {
  const roleIds = minus(to.roleIds, new Set(from.roleIds));
  const privileges = minus(sigPrivileges(t.s, to, t.memo), sigPrivileges(f.s, from, f.memo)).sort();
  const gainedEntry = !from.canLogIn && to.canLogIn;
  if (!roleIds.length && !privileges.length && !gainedEntry) return null;
  const owners = new Set(roleIds.map((r) => t.s.roles.get(r)?.accountId ?? ''));
  const labels = roleIds.map((r) => roleLabel(t.s, r, labelAt)).sort();
  return { roleIds, privileges, gainedEntry, labels, owners };
};

const entry = (s: AccessState, u: string, a: string, d: Delta, via: Via): AccessChange => ({
  userId: u, accountId: a, privileges: d.privileges, via,
  roles: d.owners.has(a) ? d.roleIds.map((r) => roleLabel(s, r, a)).sort() : d.labels,
});

/**
 * The access diff of a plan (issue 3). Only the (user, account) pairs the ops touch are
 * evaluated, before and after, account by account (the account's groups, direct users and
 * cap are looked up once), so the cost follows the plan, never users × accounts.
 */
export const whatIf = (base: AccessState, ops: readonly PlanOp[]): WhatIf => {
  const touched = new Map<string, Set<string>>();
  const { state, results } = applyOps(base, ops, (u, a) => {
    let set = touched.get(a);
    if (!set) touched.set(a, (set = new Set()));
    set.add(u);
  });
  const out: WhatIf = { gains: [], losses: [], lockedOut: [], refused: [] };
  for (const r of results) if (r.status === 'refused') out.refused.push({ op: r.op.op, index: r.index, reason: r.reason! });
  const before: Side = { s: base, memo: new Map() };
  const after: Side = { s: state, memo: new Map() };
  // Thousands of pairs share the same before/after signatures: compute each delta once.
  const deltas = new Map<string, Map<string, [Delta | null, Delta | null]>>();
  for (const [a, users] of touched) {
    const cb = accountCtx(base, a);
    const ca = accountCtx(state, a);
    for (const u of users) {
      const sb = signature(base, cb, u);
      const sameUserGroups = base.userGroupRoles.get(u) === state.userGroupRoles.get(u);
      const sa = reuseSignature(sb, cb, ca, u, sameUserGroups) ?? signature(state, ca, u);
      if (sb.key === sa.key) continue;
      let fromB = deltas.get(sb.key);
      if (!fromB) deltas.set(sb.key, (fromB = new Map()));
      let d = fromB.get(sa.key);
      if (!d) fromB.set(sa.key, (d = [delta(sb, sa, before, after, MEMBER), delta(sa, sb, after, before, MEMBER)]));
      if (d[0]) out.gains.push(entry(state, u, a, d[0], sa.via));
      if (d[1]) out.losses.push(entry(base, u, a, d[1], sb.via));
      if (sb.canLogIn && !sa.canLogIn) out.lockedOut.push({ userId: u, accountId: a });
    }
  }
  return out;
};
