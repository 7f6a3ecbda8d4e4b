import type { AccessState } from '../access';
import { roleLabel } from '../access';
import type { AccessSig } from '../access/signature';
import { PairTable, type UserSide } from '../access/pairSig';
import type { Touched } from './changes';

/** R13: log-in gained or lost, with the roles held on the side that has access. */
export interface AccessEntry {
  userId: string;
  accountId: string;
  roles: string[];
}

/** Still can log in, with other roles (R16 labels, sorted). */
export interface AccessChangedEntry {
  userId: string;
  accountId: string;
  before: string[];
  after: string[];
}

export interface AccessDiff {
  gained: AccessEntry[];
  lost: AccessEntry[];
  changed: AccessChangedEntry[];
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
const byPair = (x: { userId: string; accountId: string }, y: { userId: string; accountId: string }) =>
  cmp(x.userId, y.userId) || cmp(x.accountId, y.accountId);

/** Role names (R16 labels) of a signature; a handful of signatures cover most pairs. */
class Labels {
  private readonly memo = new Map<AccessSig, { names: string[]; owners: Set<string> }>();
  constructor(private readonly s: AccessState) {}
  of(sig: AccessSig, a: string): string[] {
    let m = this.memo.get(sig);
    if (!m) {
      // Labelled as seen from an account owning none of the roles; redone where one owns it.
      const owners = new Set(sig.roleIds.map((r) => this.s.roles.get(r)?.accountId ?? ''));
      this.memo.set(sig, (m = { names: sig.roleIds.map((r) => roleLabel(this.s, r, '\u0000member')).sort(), owners }));
    }
    return m.owners.has(a) ? sig.roleIds.map((r) => roleLabel(this.s, r, a)).sort() : m.names;
  }
}

const same = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

/**
 * Effective access (R6–R13, R25) before and after, for the touched pairs only, through the rules
 * engine's canonical pair signatures (the what-if's fast path): the cost follows the size of the
 * change, never users × accounts, and two equal signatures are one object.
 */
export const accessDiff = (b: AccessState, a: AccessState, touched: Touched): AccessDiff => {
  const out: AccessDiff = { gained: [], lost: [], changed: [] };
  const lb = new Labels(b);
  const la = new Labels(a);
  const table = new PairTable();
  const sides = new Map<string, readonly [UserSide | null, UserSide | null]>();
  for (const [acc, users] of touched) {
    const cb = table.accountSide(b, acc);
    const ca = table.accountSide(a, acc);
    for (const u of users) {
      let side = sides.get(u);
      if (!side) sides.set(u, (side = [table.userSide(b, u), table.userSide(a, u)]));
      const sb = table.pair(b, cb, side[0], u);
      const sa = table.pair(a, ca, side[1], u);
      if (sb === sa || (!sb.canLogIn && !sa.canLogIn)) continue;
      if (!sb.canLogIn) out.gained.push({ userId: u, accountId: acc, roles: la.of(sa, acc) });
      else if (!sa.canLogIn) out.lost.push({ userId: u, accountId: acc, roles: lb.of(sb, acc) });
      else {
        const before = lb.of(sb, acc);
        const after = la.of(sa, acc);
        if (!same(before, after)) out.changed.push({ userId: u, accountId: acc, before, after });
      }
    }
  }
  out.gained.sort(byPair);
  out.lost.sort(byPair);
  out.changed.sort(byPair);
  return out;
};
