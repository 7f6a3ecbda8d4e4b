import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../shared/model';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { SEED_TIERS, seedSnapshot } from '../../../platform/setup';

/** `--seed example-bare`: seed 002 before the admin built its groups (the from-scratch E2E). */
describe('example-bare seed', () => {
  const bare = seedSnapshot('example-bare');

  it('R3: only All Accounts, holding every managed account, with no user in any group', () => {
    expect(SEED_TIERS).toContain('example-bare');
    expect(bare.AccountGroup.map((g) => [g.name, g.defaultGroup])).toEqual([['All Accounts', true]]);
    expect(bare.AccountGroupAccount.map((l) => l.accountId).sort()).toEqual(EXAMPLE.accounts.map((a) => a.accountId).sort());
    expect(bare.AccountGroupAccount.every((l) => l.accountGroupId === EXAMPLE.groups.all)).toBe(true);
    expect(bare.AccountGroupUserRole).toEqual([]);
  });

  it('keeps seed 002’s accounts, users and roles as they are, and is a valid snapshot', () => {
    const full = exampleSnapshot();
    expect(bare.Account).toEqual(full.Account);
    expect(bare.User).toEqual(full.User);
    expect(bare.Role).toEqual(full.Role);
    expect(parseSnapshot(bare).ok).toBe(true);
  });
});

/** `--seed single`: a single account, what an admin sees before primary accounts are enabled (R1). */
describe('single seed', () => {
  const single = seedSnapshot('single');

  it('R1: one account, account groups off, no group at all; its users hold direct roles on it (R6)', () => {
    expect(SEED_TIERS).toContain('single');
    expect(single.Account.map((a) => [a.accountId, a.accountGroupsEnabled])).toEqual([[EXAMPLE.primary.accountId, false]]);
    expect(single.AccountGroup).toEqual([]);
    expect(single.AccountGroupAccount).toEqual([]);
    expect(single.AccountGroupUserRole).toEqual([]);
    expect(single.AccountUserRole.map((r) => r.userId).sort()).toEqual([...EXAMPLE.users].sort());
    expect(single.AccountUserRole.every((r) => r.accountId === EXAMPLE.primary.accountId)).toBe(true);
    expect(parseSnapshot(single).ok).toBe(true);
  });

  it('leaves seed 002 itself as it is: example still has its primary with groups on', () => {
    expect(seedSnapshot('example')).toEqual(exampleSnapshot());
    expect(exampleSnapshot().Account.find((a) => a.accountId === EXAMPLE.primary.accountId)?.accountGroupsEnabled).toBe(true);
  });

  it('seed 002 has no user who never signed in; the vendor profile seeds ServUser3 as one (its refusal gets exercised)', () => {
    const unsigned = (s: ReturnType<typeof exampleSnapshot>) => s.User.filter((u) => u.neverSignedIn).map((u) => u.userId);
    expect(unsigned(exampleSnapshot())).toEqual([]);
    for (const tier of ['example', 'demo', 'example-bare', 'single'] as const) {
      expect(unsigned(seedSnapshot(tier))).toEqual([]);
      expect(unsigned(seedSnapshot(tier, 'vendor'))).toEqual([EXAMPLE.users[2]]);
    }
  });
});
