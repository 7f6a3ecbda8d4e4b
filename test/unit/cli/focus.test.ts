import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/model';
import { buildState, explain, reach, who } from '../../../shared/access';
import { generateSnapshot } from '../../../shared/seeds/generate';
import { makeRng } from '../../../shared/seeds/prng';
import { focusSnapshot, userCandidates } from '../../../cli/focus';
import { G, GHI, JKL, U1, customRole, direct, example, shareInSnapshot, withService } from '../access/fixtures';

const byId = <T extends { accountId: string }>(xs: T[]) => [...xs].sort((a, b) => (a.accountId < b.accountId ? -1 : 1));

/**
 * The CLI indexes only the links one question reads (focus.ts); every answer must be the one
 * the whole snapshot gives: R6–R13 (direct, groups, caps, SSO), R16/R18 (shared roles), R25.
 */
const sameAnswers = (snap: Snapshot, users: string[], accounts: string[]) => {
  const full = buildState(snap);
  let checked = 0;
  for (const a of accounts) {
    const lean = buildState(focusSnapshot(snap, { accounts: new Set([a]) }));
    expect(who(lean, a), `who ${a}`).toEqual(who(full, a));
    checked += who(full, a).length;
  }
  for (const u of users) {
    const lean = buildState(focusSnapshot(snap, { users: userCandidates(snap, u), userReach: true }));
    expect(byId(reach(lean, u)), `reach ${u}`).toEqual(byId(reach(full, u)));
    checked += reach(full, u).length;
    for (const a of accounts) {
      const one = buildState(focusSnapshot(snap, { users: userCandidates(snap, u), accounts: new Set([a]) }));
      expect(explain(one, u, a), `explain ${u} ${a}`).toEqual(explain(full, u, a));
    }
  }
  // The comparison says something only if the answers were not all empty.
  expect(checked).toBeGreaterThan(0);
};

describe('CLI focus: the links one question needs', { timeout: 120_000 }, () => {
  it('R6–R13, R16, R18, R25: who/reach/explain on the example (with a partner service) equal the whole snapshot', () => {
    const snap = withService(example());
    sameAnswers(snap, snap.User.map((u) => u.userId), snap.Account.map((a) => a.accountId));
  });

  it('R18: a direct custom role counts where a group the user is not in shares it, and not where none does', () => {
    const snap = withService(example());
    const role = customRole(snap);
    shareInSnapshot(snap, G.services2, role);
    direct(snap, GHI, U1, role.id);
    direct(snap, JKL, U1, role.id);
    const full = buildState(snap);
    expect(explain(full, U1, GHI).via).toBe('direct');
    sameAnswers(snap, [U1], [GHI, JKL]);
  });

  it('the same on generated partner-tier snapshots, for sampled users and accounts', () => {
    for (const seed of [1, 2]) {
      const snap = generateSnapshot('partner', seed);
      const rng = makeRng(seed);
      // The busiest link holders are in the sample: direct roles, partner access, group roles.
      const users = [snap.AccountUserRole[0]!.userId, snap.PartnerAccountAccess[0]?.userId, snap.AccountGroupUserRole[0]!.userId, ...Array.from({ length: 6 }, () => rng.pick(snap.User).userId)].filter((u): u is string => !!u);
      const accounts = [snap.AccountUserRole[0]!.accountId, snap.PartnerAccountAccess[0]?.accountId, ...Array.from({ length: 6 }, () => rng.pick(snap.Account).accountId)].filter((a): a is string => !!a);
      sameAnswers(snap, users, accounts);
    }
  });

  it('keeps the links of a user given in another case, and only the links the question reads', () => {
    const snap = generateSnapshot('partner', 1);
    const u = snap.User[0]!.userId;
    expect(userCandidates(snap, u.toUpperCase())).toEqual(new Set([u.toUpperCase(), u]));
    const a = snap.AccountGroupAccount[0]!.accountId;
    const lean = focusSnapshot(snap, { accounts: new Set([a]) });
    expect(lean.AccountGroupAccount.every((l) => l.accountId === a)).toBe(true);
    expect(lean.AccountGroupUserRole.length).toBeLessThan(snap.AccountGroupUserRole.length);
    expect(lean.Account).toBe(snap.Account);
  });
});
