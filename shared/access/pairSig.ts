import type { AccessState } from './state';
import { isBuiltIn } from './state';
import { pair } from './layer';
import { partnerServicesFor } from './evaluate';
import { make, signature, type AccessSig, type AccountCtx } from './signature';
import { knownSupportAccessRole } from './supportAccess';

/**
 * Fast signatures for what-if, which evaluates every (user, account) pair a plan touches — a
 * drop of 20,000 accounts on a group with 24 users is ~470,000 pairs, each before and after.
 * Same rules as `signature` (R6–R13, R25); a property test checks the what-if built on them
 * against the straightforward evaluation of every pair.
 *
 * A pair without direct roles is decided by which of the user's groups contain the account
 * (a bit mask, from a walk of the account's few groups over a tiny per-user map) and by the
 * account's SSO and Support Access Role (its variant, a small number). The signature is
 * memoised per user on (variant, mask), so a pair costs a few lookups and no allocation.
 * Signatures are canonical (one object per key): pairs compare by identity.
 */

const EMPTY: ReadonlySet<string> = new Set();

/** Limits of the fast path; tests lower them to exercise the general path on small worlds. */
export interface PairLimits {
  /** Masks are 31-bit integers: a user in more groups takes the general path. */
  userGroups: number;
}
export const PAIR_LIMITS: PairLimits = { userGroups: 30 };

/** An account's side of its pairs, computed once per account and state. */
export interface AccountSide extends AccountCtx {
  /** The account's groups, numbered by the table: compared as integers, not as id strings. */
  groupNums: Int32Array;
  /** R10, R12: what decides a group user's signature besides the user's groups, numbered. */
  variant: number;
}

/**
 * A user's groups, numbered as bits, with the signatures seen so far. It depends only on the
 * user's group roles, so both states share it when the plan leaves those alone.
 */
export interface UserSide {
  /** The user's groups, numbered by the table; bit i of a mask is nums[i]. */
  nums: Int32Array;
  roles: ReadonlySet<string>[];
  /** variant → mask → signature. */
  sigs: (Map<number, AccessSig> | undefined)[];
  /** The last (variant, mask) looked up: a user's pairs in a drop mostly repeat it. */
  last: { variant: number; mask: number; sig: AccessSig | null };
}

/** Which of the user's groups contain the account: a handful of integer compares. */
export const maskOf = (c: AccountSide, us: UserSide): number => {
  let mask = 0;
  const { nums } = us;
  for (const n of c.groupNums) {
    for (let i = 0; i < nums.length; i++) {
      if (nums[i] === n) {
        mask |= 1 << i;
        break;
      }
    }
  }
  return mask;
};

/** R7, R8: the union of the roles of the masked groups, sorted. */
const rolesOfMask = (us: UserSide, mask: number): string[] => {
  const ids = new Set<string>();
  for (let i = 0; i < us.nums.length; i++) if (mask & (1 << i)) for (const r of us.roles[i]!) ids.add(r);
  return [...ids].sort();
};

const PARTNER = make('partner', [], null, true);
const NONE = make('none', [], null, false);

/** Canonical signatures and the numbering of account variants for one what-if. */
export class PairTable {
  private readonly byKey = new Map<string, AccessSig>();
  private readonly variants = new Map<string, number>();
  private readonly groupNums = new Map<string, number>();

  constructor(readonly limits: PairLimits = PAIR_LIMITS) {}

  canon(sig: AccessSig): AccessSig {
    const known = this.byKey.get(sig.key);
    if (known) return known;
    this.byKey.set(sig.key, sig);
    return sig;
  }

  private groupNum(g: string): number {
    let n = this.groupNums.get(g);
    if (n === undefined) this.groupNums.set(g, (n = this.groupNums.size));
    return n;
  }

  /** A user's side in `s`, or null when the user is in too many groups for a mask. */
  userSide(s: AccessState, u: string): UserSide | null {
    const mine = s.userGroupRoles.get(u);
    if (mine && mine.size > Math.min(this.limits.userGroups, 30)) return null;
    const nums = new Int32Array(mine?.size ?? 0);
    const roles: ReadonlySet<string>[] = [];
    for (const [g, groupRoles] of mine ?? []) {
      nums[roles.length] = this.groupNum(g);
      roles.push(groupRoles);
    }
    return { nums, roles, sigs: [], last: { variant: -1, mask: 0, sig: null } };
  }

  private variantOf(sso: boolean, sar: string | null): number {
    const key = sso ? `s${sar ?? ''}` : `g${sar ?? ''}`;
    let v = this.variants.get(key);
    if (v === undefined) this.variants.set(key, (v = this.variants.size));
    return v;
  }

  accountSide(s: AccessState, a: string): AccountSide {
    const groups = s.accountGroups.get(a) ?? EMPTY;
    const sso = s.sso.has(a);
    const sar = knownSupportAccessRole(s.accounts.get(a));
    const groupNums = new Int32Array(groups.size);
    let i = 0;
    for (const g of groups) groupNums[i++] = this.groupNum(g);
    return {
      accountId: a, groups, direct: s.accountUsers.get(a) ?? EMPTY, partner: s.partnerUsers.get(a) ?? EMPTY, sso, sar,
      groupNums, variant: this.variantOf(sso, sar),
    };
  }

  /** R7, R8, R10, R12: the group signature of a (non-empty) mask on this account's variant. */
  groupSig(c: AccountSide, us: UserSide, mask: number): AccessSig {
    const { last } = us;
    if (last.mask === mask && last.variant === c.variant && last.sig) return last.sig;
    let byMask = us.sigs[c.variant];
    if (!byMask) us.sigs[c.variant] = byMask = new Map();
    let sig = byMask.get(mask);
    if (!sig) byMask.set(mask, (sig = this.canon(make(c.sso ? 'sso' : 'group', rolesOfMask(us, mask), c.sar, true))));
    last.variant = c.variant;
    last.mask = mask;
    last.sig = sig;
    return sig;
  }

  /**
   * R6, R9: direct roles win, uncapped. When every direct role is built-in or the account's own,
   * all of them count and that is the whole signature; a custom role of another account counts
   * only while a group shares it there (R18): null, and the full evaluation decides.
   */
  private directSig(s: AccessState, a: string, u: string): AccessSig | null {
    const roleIds = s.aurRoles.get(pair(a, u));
    if (!roleIds) return null;
    for (const r of roleIds) {
      const role = s.roles.get(r);
      if (role && !isBuiltIn(role) && role.accountId !== undefined && role.accountId !== a) return null;
    }
    return this.canon(make('direct', [...roleIds].sort(), null, true));
  }

  /** The canonical signature of (u, c.accountId) in `s`; `us` is null for the general path. */
  pair(s: AccessState, c: AccountSide, us: UserSide | null, u: string): AccessSig {
    if (c.direct.has(u)) return this.directSig(s, c.accountId, u) ?? this.canon(signature(s, c, u));
    if (!us) return this.canon(signature(s, c, u));
    const mask = us.nums.length ? maskOf(c, us) : 0;
    if (mask !== 0) return this.groupSig(c, us, mask);
    // R25: partner access counts only through a live service of the user's entity.
    const partner = c.partner.has(u) && partnerServicesFor(s, u, c.accountId).length > 0;
    return this.canon(partner ? PARTNER : NONE);
  }
}

/** The user's side in each state; one object for both when the plan leaves the user's group roles alone. */
export const userSides = (table: PairTable, base: AccessState, state: AccessState, u: string): readonly [UserSide | null, UserSide | null] => {
  const b = table.userSide(base, u);
  return [b, base.userGroupRoles.get(u) === state.userGroupRoles.get(u) ? b : table.userSide(state, u)];
};
