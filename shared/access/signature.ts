import type { AccessState } from './state';
import { privilegesOf } from './state';
import { evaluate, partnerServicesFor, type Via } from './evaluate';
import { knownSupportAccessRole } from './supportAccess';

/**
 * The outcome of the rules for one (user, account) without the explanation: enough to say
 * whether access changed and how. Two pairs with the same key have the same privileges.
 */
export interface AccessSig {
  key: string;
  via: Via;
  /** Sorted effective role ids. */
  roleIds: string[];
  /** The Support Access Role capping group access (R10), if any. */
  cap: string | null;
  canLogIn: boolean;
}

/** What every pair on one account shares; computed once per account, not per pair. */
export interface AccountCtx {
  accountId: string;
  groups: ReadonlySet<string>;
  direct: ReadonlySet<string>;
  partner: ReadonlySet<string>;
  sso: boolean;
  sar: string | null;
}

const EMPTY: ReadonlySet<string> = new Set();

export const accountCtx = (s: AccessState, a: string): AccountCtx => ({
  accountId: a,
  groups: s.accountGroups.get(a) ?? EMPTY,
  direct: s.accountUsers.get(a) ?? EMPTY,
  partner: s.partnerUsers.get(a) ?? EMPTY,
  sso: s.sso.has(a),
  sar: knownSupportAccessRole(s.accounts.get(a)),
});

export const make = (via: Via, roleIds: string[], cap: string | null, canLogIn: boolean): AccessSig => ({
  key: `${via}|${roleIds.join(',')}|${cap ?? ''}`, via, roleIds, cap, canLogIn,
});

const addAll = (ids: string[], roles: ReadonlySet<string> | undefined): void => {
  if (roles) for (const r of roles) if (!ids.includes(r)) ids.push(r);
};

/** R7, R8: group role ids of `u` on the context's account (sorted, no duplicates). */
const groupRoleIds = (s: AccessState, c: AccountCtx, u: string): string[] => {
  const ids: string[] = [];
  const mine = s.userGroupRoles.get(u);
  if (!mine) return ids;
  // Walk the smaller side: an account is in a handful of groups, a user may be in dozens.
  if (c.groups.size <= mine.size) for (const g of c.groups) addAll(ids, mine.get(g));
  else for (const [g, roles] of mine) if (c.groups.has(g)) addAll(ids, roles);
  return ids.length > 1 ? ids.sort() : ids;
};

/** Same rules as `evaluate` (R6–R13, R25), minus the explanation, at a fraction of the cost. */
export const signature = (s: AccessState, c: AccountCtx, u: string): AccessSig => {
  if (c.direct.has(u)) {
    // Rare and subtle (R9, R18): let the full evaluation decide.
    const ev = evaluate(s, u, c.accountId);
    return make(ev.via, [...ev.roles.keys()].sort(), ev.cap?.roleId ?? null, ev.canLogIn);
  }
  const ids = groupRoleIds(s, c, u);
  if (ids.length) return make(c.sso ? 'sso' : 'group', ids, c.sar, true);
  if (c.partner.has(u) && partnerServicesFor(s, u, c.accountId).length) return make('partner', ids, null, true);
  return make('none', ids, null, false);
};

/** Privileges of a signature (R10 cap applied), memoised per key: few distinct keys exist. */
export const sigPrivileges = (s: AccessState, sig: AccessSig, memo: Map<string, ReadonlySet<string>>): ReadonlySet<string> => {
  let p = memo.get(sig.key);
  if (p) return p;
  const out = new Set<string>();
  for (const r of sig.roleIds) for (const x of privilegesOf(s.roles.get(r))) out.add(x);
  if (sig.cap && sig.via !== 'direct') {
    const allowed = privilegesOf(s.roles.get(sig.cap));
    for (const x of out) if (!allowed.has(x)) out.delete(x);
  }
  memo.set(sig.key, (p = out));
  return p;
};
