import type { PlanOp } from '../plans/types';
import { applyOps } from '../plans/apply';
import type { AccessState } from './state';
import { roleLabel } from './state';
import { evaluate, type Evaluation, type Via } from './evaluate';

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

const change = (s: AccessState, u: string, a: string, from: Evaluation, to: Evaluation, via: Via): AccessChange | null => {
  const roles = minus(to.roles.keys(), from.roles).map((r) => roleLabel(s, r, a)).sort();
  const privileges = minus(to.privileges, from.privileges).sort();
  const gainedEntry = !from.canLogIn && to.canLogIn;
  return roles.length || privileges.length || gainedEntry ? { userId: u, accountId: a, roles, privileges, via } : null;
};

/**
 * The access diff of a plan (issue 3): only the (user, account) pairs the ops touch are
 * evaluated, before and after, so the cost follows the plan, not users × accounts.
 */
export const whatIf = (base: AccessState, ops: readonly PlanOp[]): WhatIf => {
  const touched = new Map<string, Set<string>>();
  const { state, results } = applyOps(base, ops, (u, a) => {
    let set = touched.get(u);
    if (!set) touched.set(u, (set = new Set()));
    set.add(a);
  });
  const out: WhatIf = { gains: [], losses: [], lockedOut: [], refused: [] };
  for (const r of results) if (r.status === 'refused') out.refused.push({ op: r.op.op, index: r.index, reason: r.reason! });
  for (const [u, accounts] of touched) {
    for (const a of accounts) {
      const before = evaluate(base, u, a);
      const after = evaluate(state, u, a);
      const gain = change(state, u, a, before, after, after.via);
      if (gain) out.gains.push(gain);
      const loss = change(base, u, a, after, before, before.via);
      if (loss) out.losses.push(loss);
      if (before.canLogIn && !after.canLogIn) out.lockedOut.push({ userId: u, accountId: a });
    }
  }
  return out;
};
