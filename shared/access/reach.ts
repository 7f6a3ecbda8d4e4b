import { pair } from './layer';
import type { AccessState } from './state';
import { roleLabel } from './state';
import { evaluate, type Via } from './evaluate';

export interface ReachEntry {
  accountId: string;
  name: string;
  via: Via;
  roles: string[];
}

export interface WhoEntry {
  userId: string;
  name: string;
  via: Via;
  roles: string[];
}

const userName = (s: AccessState, u: string): string => {
  const user = s.users.get(u);
  const full = [user?.firstName, user?.lastName].filter(Boolean).join(' ');
  return full || u;
};

const roleNames = (s: AccessState, roleIds: Iterable<string>, a: string): string[] =>
  [...roleIds].map((r) => roleLabel(s, r, a)).sort();

/**
 * Every account `u` can reach, with the way in (R6, R7, R12, R25). Accounts reached only
 * through groups share one role list per combination of groups, so a user of All Accounts at
 * 100,000 accounts costs one pass over their groups' accounts, not a full evaluation each.
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
  const groupsOf = new Map<string, string[]>();
  for (const g of s.userGroups.get(u) ?? []) {
    for (const a of s.groupAccounts.get(g) ?? []) {
      if (done.has(a)) continue;
      const list = groupsOf.get(a);
      if (list) list.push(g);
      else groupsOf.set(a, [g]);
    }
  }
  const bySignature = new Map<string, string[]>();
  for (const [a, groups] of groupsOf) {
    const sig = groups.join('\n');
    let roles = bySignature.get(sig);
    if (!roles) {
      const ids = new Set<string>();
      for (const g of groups) for (const r of s.gurRoles.get(pair(g, u)) ?? []) ids.add(r);
      bySignature.set(sig, (roles = roleNames(s, ids, a)));
    }
    done.add(a);
    out.push({ accountId: a, name: s.accounts.get(a)?.name ?? a, via: s.sso.has(a) ? 'sso' : 'group', roles });
  }
  for (const a of s.userPartner.get(u) ?? []) if (!done.has(a)) full(a);
  return out;
};

/** Every user who can reach `a` (direct, through its groups, or partner access). */
export const who = (s: AccessState, a: string): WhoEntry[] => {
  const candidates = new Set<string>(s.accountUsers.get(a) ?? []);
  for (const g of s.accountGroups.get(a) ?? []) for (const u of s.groupUsers.get(g) ?? []) candidates.add(u);
  for (const u of s.partnerUsers.get(a) ?? []) candidates.add(u);
  const out: WhoEntry[] = [];
  for (const u of candidates) {
    const ev = evaluate(s, u, a);
    if (ev.canLogIn) out.push({ userId: u, name: userName(s, u), via: ev.via, roles: roleNames(s, ev.roles.keys(), a) });
  }
  return out.sort((x, y) => (x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0));
};

export { userName };
