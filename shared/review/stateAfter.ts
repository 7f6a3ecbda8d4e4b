import type { AccessState } from '../access';
import { buildState } from '../access';
import { warmGroupInfo } from '../access/groupInfo';
import { link } from '../access/state';
import type { Snapshot } from '../model';

/**
 * Group memberships, the big link table (100,000 at the large tier): checked against the before
 * state's index without building keys; a group is walked again only where some of its before
 * members were not matched.
 */
const membershipDiff = (b: AccessState, after: Snapshot['AccountGroupAccount']) => {
  const added: [string, string][] = [];
  const matched = new Map<string, number>();
  for (const l of after) {
    if (b.groupAccounts.has(l.accountGroupId, l.accountId)) matched.set(l.accountGroupId, (matched.get(l.accountGroupId) ?? 0) + 1);
    else added.push([l.accountGroupId, l.accountId]);
  }
  const short = new Set(b.groupAccounts.keys().filter((g) => matched.get(g) !== b.groupAccounts.get(g)!.size));
  const kept = new Map<string, Set<string>>();
  for (const l of after) {
    if (!short.has(l.accountGroupId)) continue;
    let set = kept.get(l.accountGroupId);
    if (!set) kept.set(l.accountGroupId, (set = new Set()));
    set.add(l.accountId);
  }
  const removed: [string, string][] = [];
  for (const g of short) for (const a of b.groupAccounts.get(g)!) if (!kept.get(g)?.has(a)) removed.push([g, a]);
  return { added, removed };
};

/**
 * The state of `after`, built from the state `b` of `before`: every index is built from `after`'s
 * records except the biggest, group membership (100,000 links at the large tier, 500,000 at the
 * huge), which is `b`'s forked with the links that differ patched in — the same indexes
 * `buildState(after)` makes, for the cost of the change rather than of the whole table, and the
 * memberships that did not change are the same sets on both sides, which the diff skips by identity.
 */
export const stateAfter = (b: AccessState, after: Snapshot): AccessState => {
  const s = buildState({ ...after, AccountGroupAccount: [] });
  s.groupAccounts = b.groupAccounts.fork();
  s.accountGroups = b.accountGroups.fork();
  const ga = membershipDiff(b, after.AccountGroupAccount);
  for (const [g, a] of ga.removed) link.unGroupAccount(s, g, a);
  for (const [g, a] of ga.added) link.groupAccount(s, g, a);
  // A group's account info (names, SSO: groupInfo.ts) is memoised per membership set, and a
  // membership the fork did not touch is the before side's set: where an account's name or SSO
  // changed, its groups get a set of their own (removed and added again), so a fresh memo.
  for (const a of s.accounts.keys()) {
    if (s.accounts.get(a)?.name === b.accounts.get(a)?.name && s.sso.has(a) === b.sso.has(a)) continue;
    for (const g of [...(s.accountGroups.get(a) ?? [])]) {
      s.groupAccounts.remove(g, a);
      s.groupAccounts.add(g, a);
    }
  }
  warmGroupInfo(s);
  return s;
};

/** For tests: every index of a state as sorted plain data, to compare two states built differently. */
export const stateDump = (s: AccessState): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [f, idx] of Object.entries(s) as [string, { keys(): string[]; get(k: string): unknown }][]) {
    out[f] = Object.fromEntries(idx.keys().sort().map((k) => {
      const v = idx.get(k);
      if (v instanceof Set) return [k, [...v].sort()];
      if (v instanceof Map) return [k, Object.fromEntries([...v].map(([k2, set]) => [k2, [...(set as Set<string>)].sort()]).sort())];
      return [k, v];
    }));
  }
  return out;
};
