import { describe, expect, it } from 'vitest';
import { generateSnapshot, TIER_SIZES } from '../../../shared/seeds/generate';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { parseSnapshot } from '../../../shared/model';
import { buildState, explain, who } from '../../../shared/access';

describe('scale-tier generator', () => {
  const snap = generateSnapshot('partner', 1);

  it('is deterministic by seed and differs across seeds', () => {
    expect(JSON.stringify(generateSnapshot('partner', 1))).toBe(JSON.stringify(snap));
    expect(JSON.stringify(generateSnapshot('partner', 2))).not.toBe(JSON.stringify(snap));
  });

  it('example is the seed 002 snapshot', () => {
    expect(generateSnapshot('example', 5)).toEqual(exampleSnapshot());
  });

  it('matches the DESIGN.md tier sizes and passes the schemas', () => {
    const t = TIER_SIZES.partner;
    expect(snap.Account).toHaveLength(t.accounts);
    expect(snap.User).toHaveLength(t.users);
    expect(snap.AccountGroup).toHaveLength(t.groups);
    expect(snap.AccountGroupAccount).toHaveLength(t.groupAccounts);
    expect(snap.AccountGroupUserRole).toHaveLength(t.groupUserRoles);
    expect(parseSnapshot(JSON.parse(JSON.stringify(snap))).ok).toBe(true);
  });

  it('R3: All Accounts holds every managed account, and the data exercises every access path', () => {
    const all = snap.AccountGroup.find((g) => g.defaultGroup)!;
    const managed = snap.Account.filter((a) => a.parentAccountId);
    const inAll = new Set(snap.AccountGroupAccount.filter((l) => l.accountGroupId === all.id).map((l) => l.accountId));
    expect(managed.every((a) => inAll.has(a.accountId))).toBe(true);
    expect(snap.Account.filter((a) => a.accountGroupsEnabled && a.advancedUserSecurity)).toHaveLength(1);
    expect(snap.Account.some((a) => a.supportAccessRoleId)).toBe(true);
    expect(snap.AccountSSOConfig.length).toBeGreaterThan(0);
    expect(snap.AccountGroup.some((g) => g.Resources?.Resource?.some((r) => r.objectType === 'Role'))).toBe(true);
    expect(snap.PartnerAccountAccess.length).toBeGreaterThan(0);
    const st = buildState(snap);
    const vias = new Set<string>();
    for (const a of snap.Account.slice(0, 200)) for (const w of who(st, a.accountId)) vias.add(w.via);
    for (const p of snap.PartnerAccountAccess.slice(0, 5)) vias.add(explain(st, p.userId, p.accountId).via);
    expect([...vias].sort()).toEqual(['direct', 'group', 'partner', 'sso']);
  });
});
