import type { AccessState } from './state';
import { partnerServicesFor } from './evaluate';
import { make, signature, type AccessSig, type AccountCtx } from './signature';

/**
 * Fast signatures for what-if, which evaluates every (user, account) pair a plan touches — a
 * drop of 20,000 accounts on a group with 24 users is ~470,000 pairs, each before and after.
 * Same rules as `signature` (R6–R13, R25); a property test checks the what-if built on them
 * against the straightforward evaluation of every pair.
 *
 * A pair without direct roles is decided by which of the user's groups contain the account
 * (a bit mask) and by the account's SSO and Support Access Role (its variant). Accounts are
 * sorted into classes by the groups they are in, counting only groups of touched users, so a
 * user's signature is looked up once per (class, variant) — a drop's 20,000 accounts fall in
 * a handful of classes. Signatures are canonical (one object per key): pairs compare by identity.
 */

const EMPTY: ReadonlySet<string> = new Set();
/** Variant ids stay below this, so (class, variant) packs into one number. */
const VARIANTS = 1024;
/** Limits of the fast paths; tests lower them to exercise the general paths on small worlds. */
export interface PairLimits {
  /** Masks are 31-bit integers: a user in more groups takes the general path. */
  userGroups: number;
  /**
   * Classes pay off when few groups matter (a drop on one group: its users' groups); when a
   * plan touches users of hundreds of groups nearly every account is a class of its own.
   */
  classGroups: number;
}
export const PAIR_LIMITS: PairLimits = { userGroups: 30, classGroups: 128 };

/** An account's side of its pairs, computed once per account and state. */
export interface AccountSide extends AccountCtx {
  groupList: string[];
  /** R10, R12: what decides a group user's signature besides the user's groups. */
  variant: number;
  /** The account's class: its groups among those of touched users. */
  cls: number;
  /** (class, variant) as one number, or -1 when there is no such memo. */
  classKey: number;
}

/**
 * A user's groups, numbered as bits, with the signatures seen so far. It depends only on the
 * user's group roles, so both states share it when the plan leaves those alone.
 */
export interface UserSide {
  groups: string[];
  roles: ReadonlySet<string>[];
  bit: Map<string, number>;
  /** variant → mask → signature. */
  sigs: Map<number, AccessSig>[];
  /** class → mask. */
  masks: Map<number, number>;
  /** classKey → signature, or null when none of the user's groups holds the account. */
  byClass: Map<number, AccessSig | null>;
}

const userSide = (s: AccessState, u: string, maxGroups: number): UserSide | null => {
  const mine = s.userGroupRoles.get(u);
  if (mine && mine.size > Math.min(maxGroups, 30)) return null;
  const side: UserSide = { groups: [], roles: [], bit: new Map(), sigs: [], masks: new Map(), byClass: new Map() };
  for (const [g, roles] of mine ?? []) {
    side.bit.set(g, 1 << side.groups.length);
    side.groups.push(g);
    side.roles.push(roles);
  }
  return side;
};

/** Which of the user's groups contain the account, memoised per account class. */
export const maskOf = (c: AccountSide, us: UserSide): number => {
  let mask = c.cls >= 0 ? us.masks.get(c.cls) : undefined;
  if (mask === undefined) {
    mask = 0;
    for (const g of c.groupList) mask |= us.bit.get(g) ?? 0;
    if (c.cls >= 0) us.masks.set(c.cls, mask);
  }
  return mask;
};

/** R7, R8: the union of the roles of the masked groups, sorted. */
const rolesOfMask = (us: UserSide, mask: number): string[] => {
  const ids = new Set<string>();
  for (let i = 0; i < us.groups.length; i++) if (mask & (1 << i)) for (const r of us.roles[i]!) ids.add(r);
  return [...ids].sort();
};

const PARTNER = make('partner', [], null, true);
const NONE = make('none', [], null, false);

/** Canonical signatures and the numbering of account classes and variants for one what-if. */
export class PairTable {
  constructor(readonly limits: PairLimits = PAIR_LIMITS) {}

  private readonly byKey = new Map<string, AccessSig>();
  private readonly classes = new Map<string, number>();
  private readonly variants = new Map<string, number>();
  /** Group → number, for the groups of touched users only. */
  private readonly relevant = new Map<string, number>();

  private useClasses = true;

  /** Registers the groups of a user with pairs on the group path; a user in too many groups has no side. */
  addUser(us: UserSide | null): void {
    if (!us) return;
    for (const g of us.groups) if (!this.relevant.has(g)) this.relevant.set(g, this.relevant.size);
    if (this.relevant.size > this.limits.classGroups) this.useClasses = false;
  }

  canon(sig: AccessSig): AccessSig {
    const known = this.byKey.get(sig.key);
    if (known) return known;
    this.byKey.set(sig.key, sig);
    return sig;
  }

  private classOf(groupList: string[]): number {
    if (!this.useClasses) return -1;
    const nums: number[] = [];
    for (const g of groupList) {
      const n = this.relevant.get(g);
      if (n !== undefined) nums.push(n);
    }
    const key = nums.length > 1 ? nums.sort((x, y) => x - y).join(',') : nums.length ? String(nums[0]) : '';
    let cls = this.classes.get(key);
    if (cls === undefined) this.classes.set(key, (cls = this.classes.size));
    return cls;
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
    const sar = s.accounts.get(a)?.supportAccessRoleId ?? null;
    const groupList = [...groups];
    const variant = this.variantOf(sso, sar);
    const cls = this.classOf(groupList);
    return {
      accountId: a, groups, direct: s.accountUsers.get(a) ?? EMPTY, partner: s.partnerUsers.get(a) ?? EMPTY, sso, sar,
      groupList, variant, cls, classKey: cls >= 0 && variant < VARIANTS ? cls * VARIANTS + variant : -1,
    };
  }

  /** R7, R8, R10, R12: the group signature of a mask on this account's variant. */
  groupSig(c: AccountSide, us: UserSide, mask: number): AccessSig {
    let byMask = us.sigs[c.variant];
    if (!byMask) us.sigs[c.variant] = byMask = new Map();
    let sig = byMask.get(mask);
    if (!sig) byMask.set(mask, (sig = this.canon(make(c.sso ? 'sso' : 'group', rolesOfMask(us, mask), c.sar, true))));
    return sig;
  }

  /** The canonical signature of (u, c.accountId) in `s`; `us` is null for the general path. */
  pair(s: AccessState, c: AccountSide, us: UserSide | null, u: string): AccessSig {
    // R9, R18: direct roles are rare and subtle; the full evaluation decides.
    if (!us || c.direct.has(u)) return this.canon(signature(s, c, u));
    let sig = c.classKey >= 0 ? us.byClass.get(c.classKey) : undefined;
    if (sig === undefined) {
      const mask = us.groups.length ? maskOf(c, us) : 0;
      sig = mask ? this.groupSig(c, us, mask) : null;
      if (c.classKey >= 0) us.byClass.set(c.classKey, sig);
    }
    if (sig) return sig;
    // R25: partner access counts only through a live service of the user's entity.
    const partner = c.partner.has(u) && partnerServicesFor(s, u, c.accountId).length > 0;
    return this.canon(partner ? PARTNER : NONE);
  }
}

/** The user's side in each state, made once per user and registered with the table. */
export const userSides = (base: AccessState, state: AccessState, users: Iterable<string>, table: PairTable) => {
  const sides = new Map<string, [UserSide | null, UserSide | null]>();
  for (const u of users) {
    const max = table.limits.userGroups;
    const b = userSide(base, u, max);
    const pair: [UserSide | null, UserSide | null] = [b, base.userGroupRoles.get(u) === state.userGroupRoles.get(u) ? b : userSide(state, u, max)];
    table.addUser(pair[0]);
    table.addUser(pair[1]);
    sides.set(u, pair);
  }
  return sides;
};
