import type { PlanOp } from './types';
import { applyOps } from './apply';
import type { AccessState } from '../access/state';
import { roleLabel } from '../access/state';
import type { Via } from '../access/evaluate';
import { sigPrivileges, type AccessSig } from '../access/signature';
import { PAIR_LIMITS, PairTable, maskOf, userSides, type PairLimits, type UserSide } from '../access/pairSig';
import { DiffDigestBuilder, changeLabels, type DiffDigest } from './diffDigest';

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
  /**
   * Users whose last direct role on an account goes: the platform then removes the user from the
   * account (their single sign-on federation there with it), whatever groups still give them.
   */
  leavesAccount: { userId: string; accountId: string }[];
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
  /** The digest's labels (changeLabels of `labels`), made at the first pair that needs them. */
  digestLabels?: readonly string[];
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

const rolesAt = (s: AccessState, a: string, d: Delta): string[] => (d.owners.has(a) ? d.roleIds.map((r) => roleLabel(s, r, a)).sort() : d.labels);

const entry = (s: AccessState, u: string, a: string, d: Delta, via: Via): AccessChange => ({
  userId: u, accountId: a, privileges: d.privileges, via, roles: rolesAt(s, a, d),
});

/** The digest's labels of a delta: made once per delta (as seen from member accounts) unless the account owns one of its roles. */
const labelsAt = (s: AccessState, a: string, d: Delta): readonly string[] =>
  d.owners.has(a) ? changeLabels(rolesAt(s, a, d), d.privileges) : (d.digestLabels ??= changeLabels(d.labels, d.privileges));

/** Totals of a what-if; with `whatIfSummary` the lists hold only the first entries. */
export interface WhatIfTotals {
  gains: number;
  losses: number;
  lockedOut: number;
  leavesAccount: number;
}

type Change = [Delta | null, Delta | null];
type Deltas = Map<AccessSig, Map<AccessSig, Change>>;

/** Runs `ops` on a fork and collects the pairs they may change, account by account. */
const touchedPairs = (base: AccessState, ops: readonly PlanOp[]) => {
  const touched = new Map<string, Set<string>>();
  const { state, results } = applyOps(base, ops, (u, a) => {
    let set = touched.get(a);
    if (!set) touched.set(a, (set = new Set()));
    set.add(u);
  });
  const refused = results.filter((r) => r.status === 'refused').map((r) => ({ op: r.op.op, index: r.index, reason: r.reason! }));
  return { state, touched, refused };
};

/** Counts a pair's change and keeps its entries while fewer than `shown` are kept. */
class Collector {
  readonly diff: WhatIf;
  readonly totals: WhatIfTotals = { gains: 0, losses: 0, lockedOut: 0, leavesAccount: 0 };
  private readonly deltas: Deltas = new Map();
  private readonly before: Side;
  private readonly after: Side;

  constructor(base: AccessState, state: AccessState, refused: WhatIf['refused'], private readonly shown: number, readonly digest: DiffDigestBuilder | null = null) {
    this.diff = { gains: [], losses: [], lockedOut: [], leavesAccount: [], refused };
    this.before = { s: base, memo: new Map() };
    this.after = { s: state, memo: new Map() };
  }

  private last: { sb: AccessSig | null; sa: AccessSig | null; d: Change | null } = { sb: null, sa: null, d: null };

  /** Thousands of pairs share the same before/after signatures: each delta is computed once. */
  private change(sb: AccessSig, sa: AccessSig): Change {
    const { last } = this;
    if (last.sb === sb && last.sa === sa) return last.d!;
    last.sb = sb;
    last.sa = sa;
    let fromB = this.deltas.get(sb);
    if (!fromB) this.deltas.set(sb, (fromB = new Map()));
    let d = fromB.get(sa);
    if (!d) fromB.set(sa, (d = [delta(sb, sa, this.before, this.after, MEMBER), delta(sa, sb, this.after, this.before, MEMBER)]));
    return (last.d = d);
  }

  leaves(u: string, a: string): void {
    if (this.totals.leavesAccount++ < this.shown) this.diff.leavesAccount.push({ userId: u, accountId: a });
    this.digest?.leavesAccount(u);
  }

  add(u: string, a: string, sb: AccessSig, sa: AccessSig): void {
    const { diff, totals, shown } = this;
    const d = this.change(sb, sa);
    if (d[0] && totals.gains++ < shown) diff.gains.push(entry(this.after.s, u, a, d[0], sa.via));
    if (d[1] && totals.losses++ < shown) diff.losses.push(entry(this.before.s, u, a, d[1], sb.via));
    if (sb.canLogIn && !sa.canLogIn && totals.lockedOut++ < shown) diff.lockedOut.push({ userId: u, accountId: a });
    const { digest } = this;
    if (digest) {
      if (d[0]) digest.gains.add(u, a, labelsAt(this.after.s, a, d[0]));
      if (d[1]) digest.losses.add(u, a, labelsAt(this.before.s, a, d[1]));
      if (sb.canLogIn && !sa.canLogIn) digest.lockedOut(u, a);
    }
  }
}

/**
 * The access diff of a plan, keeping at most `shown` entries per list and counting the rest.
 * Only the (user, account) pairs the ops touch are evaluated, before and after, account by
 * account (the account's groups, direct users and cap are looked up once), so the cost
 * follows the plan, never users × accounts.
 */
const diffPlan = (base: AccessState, ops: readonly PlanOp[], shown: number, limits = PAIR_LIMITS, digest: DiffDigestBuilder | null = null): Collector => {
  const { state, touched, refused } = touchedPairs(base, ops);
  const out = new Collector(base, state, refused, shown, digest);
  const table = new PairTable(limits);
  const sides = new Map<string, readonly [UserSide | null, UserSide | null]>();
  for (const [a, accountUsers] of touched) {
    const cb = table.accountSide(base, a);
    const ca = table.accountSide(state, a);
    // R10: a changed Support Access Role alone changes no user's roles on the account.
    const sameLinks = cb.groups === ca.groups && cb.direct === ca.direct && cb.partner === ca.partner;
    for (const u of accountUsers) {
      let side = sides.get(u);
      if (!side) sides.set(u, (side = userSides(table, base, state, u)));
      const [ub, ua] = side;
      if (!sameLinks && cb.direct.has(u) && !ca.direct.has(u)) out.leaves(u, a);
      // Same groups on both sides: one mask serves both; only the variant (cap, SSO) can differ.
      const mask = sameLinks && ub && ub === ua && !cb.direct.has(u) ? maskOf(cb, ub) : 0;
      if (mask !== 0 && cb.variant === ca.variant) continue;
      const sb = mask ? table.groupSig(cb, ub!, mask) : table.pair(base, cb, ub, u);
      const sa = mask ? table.groupSig(ca, ub!, mask) : table.pair(state, ca, ua, u);
      if (sb !== sa) out.add(u, a, sb, sa);
    }
  }
  return out;
};

/** The access diff of a plan, so an admin sees every gain, loss and lock-out, and the refused ops, before sending. */
export const whatIf = (base: AccessState, ops: readonly PlanOp[]): WhatIf => diffPlan(base, ops, Infinity).diff;

/**
 * The same diff for a preview: totals, the digest by role and by user over every pair, and only
 * the first `shown` entries of each list, so a 20,000-account drop does not build hundreds of
 * thousands of entries nobody will read.
 */
export const whatIfSummary = (base: AccessState, ops: readonly PlanOp[], shown: number): WhatIf & { totals: WhatIfTotals; digest: DiffDigest } => {
  const { diff, totals, digest } = diffPlan(base, ops, shown, PAIR_LIMITS, new DiffDigestBuilder());
  return { ...diff, totals: { ...totals }, digest: digest!.build() };
};

/** The totals and the first `shown` entries without the digest: for a count where no preview is drawn (a review row's context). */
export const whatIfTotals = (base: AccessState, ops: readonly PlanOp[], shown: number): WhatIf & { totals: WhatIfTotals } => {
  const { diff, totals } = diffPlan(base, ops, shown, PAIR_LIMITS);
  return { ...diff, totals: { ...totals } };
};

/** Internal: the what-if with other fast-path limits, for the property test of the general paths. */
export const whatIfWithLimits = (base: AccessState, ops: readonly PlanOp[], limits: PairLimits): WhatIf =>
  diffPlan(base, ops, Infinity, limits).diff;
