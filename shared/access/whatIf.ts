import type { PlanOp } from '../plans/types';
import { applyOps } from '../plans/apply';
import type { AccessState } from './state';
import { roleLabel } from './state';
import type { Via } from './evaluate';
import { accountCtx, signature, sigPrivileges, type AccessSig } from './signature';

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
}

const delta = (from: AccessSig, to: AccessSig, f: Side, t: Side): Delta | null => {
  const roleIds = minus(to.roleIds, new Set(from.roleIds));
  const privileges = minus(sigPrivileges(t.s, to, t.memo), sigPrivileges(f.s, from, f.memo)).sort();
  const gainedEntry = !from.canLogIn && to.canLogIn;
  return roleIds.length || privileges.length || gainedEntry ? { roleIds, privileges, gainedEntry } : null;
};

const entry = (s: AccessState, u: string, a: string, d: Delta, via: Via): AccessChange => ({
  userId: u, accountId: a, roles: d.roleIds.map((r) => roleLabel(s, r, a)).sort(), privileges: d.privileges, via,
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
      const sa = signature(state, ca, u);
      if (sb.key === sa.key) continue;
      let fromB = deltas.get(sb.key);
      if (!fromB) deltas.set(sb.key, (fromB = new Map()));
      let d = fromB.get(sa.key);
      if (!d) fromB.set(sa.key, (d = [delta(sb, sa, before, after), delta(sa, sb, after, before)]));
      if (d[0]) out.gains.push(entry(state, u, a, d[0], sa.via));
      if (d[1]) out.losses.push(entry(base, u, a, d[1], sb.via));
      if (sb.canLogIn && !sa.canLogIn) out.lockedOut.push({ userId: u, accountId: a });
    }
  }
  return out;
};
