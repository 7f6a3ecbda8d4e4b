import type { AccessState } from './state';
import { roleLabel } from './state';
import { evaluate, type Via } from './evaluate';
import { accountCtx, signature } from './signature';
import { NO_INFO, groupAccountInfo } from './groupInfo';
import { anySupportAccessUnknown, capUnknownFor } from './supportAccess';

export interface ReachEntry {
  accountId: string;
  name: string;
  via: Via;
  roles: string[];
  /** Present (true) when the access comes through groups and the account's Support Access Role is unknown: it holds unless that role caps it (R10). */
  capUnknown?: true;
}

export interface WhoEntry {
  userId: string;
  name: string;
  via: Via;
  roles: string[];
  /** As in ReachEntry. */
  capUnknown?: true;
}

/** Marks the entries whose group access the platform's unknown Support Access Role may cap (R10). */
const markCapUnknown = <E extends { via: Via; capUnknown?: true }>(s: AccessState, entries: E[], accountOf: (e: E) => string): E[] => {
  for (const e of entries) if (capUnknownFor(s, e.via, accountOf(e))) e.capUnknown = true;
  return entries;
};

const userName = (s: AccessState, u: string): string => {
  const user = s.users.get(u);
  const full = [user?.firstName, user?.lastName].filter(Boolean).join(' ');
  return full || u;
};

const roleNames = (s: AccessState, roleIds: Iterable<string>, a: string): string[] =>
  [...roleIds].map((r) => roleLabel(s, r, a)).sort();

/** Accounts of the user's groups (direct ones excluded) → the user's groups containing each. */
const groupsByAccount = (s: AccessState, u: string, skip: ReadonlySet<string>) => {
  const mine = [...(s.userGroupRoles.get(u)?.keys() ?? [])];
  const size = (g: string) => s.groupAccounts.get(g)?.size ?? 0;
  mine.sort((x, y) => size(y) - size(x));
  const [big, ...rest] = mine;
  const others = new Map<string, string[]>();
  for (const g of rest) {
    for (const a of s.groupAccounts.get(g) ?? []) {
      if (skip.has(a)) continue;
      const list = others.get(a);
      if (list) list.push(g);
      else others.set(a, [g]);
    }
  }
  return { big, others };
};

/**
 * Every account `u` can reach, with the way in (R6, R7, R12, R25). Accounts of the user's
 * largest group (All Accounts may hold 100,000) need no per-account work beyond the output:
 * role lists are computed once per combination of groups.
 */
export const reach = (s: AccessState, u: string): ReachEntry[] => {
  const out: ReachEntry[] = [];
  const done = new Set<string>();
  const full = (a: string) => {
    done.add(a);
    const ev = evaluate(s, u, a);
    if (ev.canLogIn) out.push({ accountId: a, name: s.accounts.get(a)?.name ?? a, via: ev.via, roles: roleNames(s, ev.roles.keys(), a) });
  };
  for (const a of s.userAccounts.get(u) ?? []) full(a);
  const { big, others } = groupsByAccount(s, u, done);
  const bySignature = new Map<string, string[]>();
  const rolesOf = (groups: string[], a: string): string[] => {
    const sig = groups.join('\n');
    let roles = bySignature.get(sig);
    if (!roles) {
      const ids = new Set<string>();
      for (const g of groups) for (const r of s.userGroupRoles.getSet(u, g) ?? []) ids.add(r);
      bySignature.set(sig, (roles = roleNames(s, ids, a)));
    }
    return roles;
  };
  const push = (a: string, roles: string[]) =>
    out.push({ accountId: a, name: s.accounts.get(a)?.name ?? a, via: s.sso.has(a) ? 'sso' : 'group', roles });
  const inBig = (a: string) => big !== undefined && s.groupAccounts.has(big, a);
  let bigRoles: string[] | undefined;
  const info = big ? groupAccountInfo(s, big) : NO_INFO;
  for (let i = 0; i < info.ids.length; i++) {
    const a = info.ids[i]!;
    if (done.size && done.has(a)) continue;
    const more = others.size ? others.get(a) : undefined;
    const roles = more ? rolesOf([big!, ...more], a) : (bigRoles ??= rolesOf([big!], a));
    out.push({ accountId: a, name: info.names[i]!, via: info.sso[i] ? 'sso' : 'group', roles });
  }
  for (const [a, groups] of others) if (!inBig(a)) push(a, rolesOf(groups, a));
  for (const a of s.userPartner.get(u) ?? []) if (!done.has(a) && !inBig(a) && !others.has(a)) full(a);
  return anySupportAccessUnknown(s.accounts) ? markCapUnknown(s, out, (e) => e.accountId) : out;
};

/** Every user who can reach `a` (direct, through its groups, or partner access). */
export const who = (s: AccessState, a: string): WhoEntry[] => {
  const ctx = accountCtx(s, a);
  const candidates = new Set<string>(ctx.direct);
  for (const g of ctx.groups) for (const u of s.groupUsers.get(g) ?? []) candidates.add(u);
  for (const u of ctx.partner) candidates.add(u);
  const names = new Map<string, string[]>();
  const out: WhoEntry[] = [];
  for (const u of candidates) {
    const sig = signature(s, ctx, u);
    if (!sig.canLogIn) continue;
    const key = sig.roleIds.join(',');
    let roles = names.get(key);
    if (!roles) names.set(key, (roles = roleNames(s, sig.roleIds, a)));
    out.push({ userId: u, name: userName(s, u), via: sig.via, roles });
  }
  out.sort((x, y) => (x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0));
  return anySupportAccessUnknown(s.accounts) ? markCapUnknown(s, out, () => a) : out;
};

export { userName };
