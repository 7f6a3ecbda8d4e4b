import { describe, expect, it } from 'vitest';
import { groupsUnavailable, planAddAccounts, planAddUserRoles, planCreateGroup, planRemoveAccounts, planRenameGroup, removeFromGroupRefusal, renameRefusal } from '../../../renderer/src/domain/groupPlans';

const all = { id: 'g-all', name: 'All Accounts', defaultGroup: true };
const s1 = { id: 'g-s1', name: 'Services 1' };
const s2 = { id: 'g-s2', name: 'Services 2' };
const primary = { accountId: 'prim', name: 'Documentation', accountGroupsEnabled: true };

describe('planAddAccounts', () => {
  it('adds only accounts not yet in the group, in one op', () => {
    const r = planAddAccounts({ group: s1, accountIds: ['a', 'b', 'c'], members: new Set(['b']), primaryAccountId: 'prim' });
    expect(r.ok && r.ops).toEqual([{ op: 'group.addAccounts', groupId: 'g-s1', accountIds: ['a', 'c'] }]);
    expect(r.ok && r.skipped).toEqual([{ accountId: 'b', reason: 'already in Services 1' }]);
  });

  it('R2: the primary account is never added to its own group', () => {
    const r = planAddAccounts({ group: s1, accountIds: ['prim', 'a'], members: new Set(), primaryAccountId: 'prim' });
    expect(r.ok && r.ops[0]).toMatchObject({ accountIds: ['a'] });
    expect(r.ok && r.skipped[0]?.reason).toMatch(/R2/);
  });

  it('R3: dropping on All Accounts is refused with the reason', () => {
    const r = planAddAccounts({ group: all, accountIds: ['a'], members: new Set(), primaryAccountId: 'prim' });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.reason).toMatch(/R3/);
  });

  it('a drop that changes nothing is refused rather than queued', () => {
    const r = planAddAccounts({ group: s1, accountIds: ['a', 'a'], members: new Set(['a']), primaryAccountId: 'prim' });
    expect(r.ok).toBe(false);
  });

  it('deduplicates repeated ids', () => {
    const r = planAddAccounts({ group: s1, accountIds: ['a', 'a', 'b'], members: new Set(), primaryAccountId: null });
    expect(r.ok && r.ops[0]).toMatchObject({ accountIds: ['a', 'b'] });
  });
});

describe('planCreateGroup', () => {
  it('queues a trimmed name', () => {
    const r = planCreateGroup('  Services 3 ', [all, s1, s2], primary);
    expect(r.ok && r.ops).toEqual([{ op: 'group.create', name: 'Services 3', accountId: 'prim' }]);
  });

  it('refuses a duplicate name, case-insensitively', () => {
    const r = planCreateGroup('services 1', [all, s1, s2], primary);
    expect(!r.ok && r.reason).toMatch(/already exists/);
  });

  it('refuses an empty or over-long name', () => {
    expect(planCreateGroup('   ', [], primary).ok).toBe(false);
    expect(planCreateGroup('x'.repeat(256), [], primary).ok).toBe(false);
  });

  it('refuses a name the platform would refuse (NUL, a lone surrogate), saying why', () => {
    expect(planCreateGroup('a\u0000b', [], primary)).toEqual({ ok: false, reason: 'The name contains a NUL character, which the platform refuses.' });
    expect(planRenameGroup(s1, 'a\udc00b', [all, s1, s2])).toEqual({ ok: false, reason: 'The name contains a lone UTF-16 surrogate, which the platform refuses.' });
  });

  it('R1: refused when the primary account has no account groups feature', () => {
    const r = planCreateGroup('New', [], { ...primary, accountGroupsEnabled: false });
    expect(!r.ok && r.reason).toMatch(/R1/);
  });

  it('R1: a single-account primary is told that groups need a primary account and how to get the feature enabled', () => {
    const off = groupsUnavailable({ accountId: 'solo-1', name: 'Solo Co', accountGroupsEnabled: false });
    expect(off?.reason).toBe('Solo Co does not have account groups enabled: groups exist only for a primary account with the feature (R1).');
    expect(off?.guidance).toMatch(/^Solo Co is a single account/);
    expect(off?.guidance).toMatch(/contact Boomi .* to have primary accounts and the Account Groups feature enabled/);
    expect(off?.guidance).toMatch(/every group action is disabled/);
  });

  it('R1: no refusal when the feature is on or the platform does not tell (the vendor API: unknown is not "off")', () => {
    expect(groupsUnavailable(primary)).toBeNull();
    expect(groupsUnavailable({ accountId: 'p' })).toBeNull();
    expect(groupsUnavailable(null)).toBeNull();
  });
});

describe('planRenameGroup', () => {
  it('R3: All Accounts cannot be renamed', () => {
    expect(planRenameGroup(all, 'Everything', [all, s1]).ok).toBe(false);
    expect(renameRefusal(all)).toMatch(/R3/);
    expect(renameRefusal(s1)).toBeNull();
  });

  it('renames to a free name, refuses a taken one and a no-op', () => {
    expect(planRenameGroup(s1, 'North', [all, s1, s2])).toMatchObject({ ok: true, ops: [{ op: 'group.rename', groupId: 'g-s1', name: 'North' }] });
    expect(planRenameGroup(s1, 'Services 2', [all, s1, s2]).ok).toBe(false);
    expect(planRenameGroup(s1, 'Services 1', [all, s1, s2]).ok).toBe(false);
    // Changing only the case of its own name is allowed: the clash check skips the group itself.
    expect(planRenameGroup(s1, 'SERVICES 1', [all, s1, s2]).ok).toBe(true);
  });
});

describe('planRemoveAccounts', () => {
  it('removes only members and lists the rest as skipped', () => {
    const r = planRemoveAccounts({ group: s1, accountIds: ['a', 'x', 'a'], members: new Set(['a', 'b']) });
    expect(r.ok && r.ops).toEqual([{ op: 'group.removeAccounts', groupId: 'g-s1', accountIds: ['a'] }]);
    expect(r.ok && r.skipped).toEqual([{ accountId: 'x', reason: 'not in Services 1' }]);
  });

  it('R3: nothing can be removed from All Accounts', () => {
    const r = planRemoveAccounts({ group: all, accountIds: ['a'], members: new Set(['a']) });
    expect(!r.ok && r.reason).toMatch(/R3/);
    expect(removeFromGroupRefusal(all)).toMatch(/R3/);
    expect(removeFromGroupRefusal(s1)).toBeNull();
  });

  it('refuses when no selected account is a member', () => {
    expect(planRemoveAccounts({ group: s1, accountIds: ['x'], members: new Set(['a']) }).ok).toBe(false);
  });
});

describe('planAddUserRoles', () => {
  it('R7: gives the picked roles to users missing any of them, in one op', () => {
    const r = planAddUserRoles({ group: s1, userIds: ['u1', 'u2'], roleIds: ['std'], existing: new Set(['u1\nstd']) });
    expect(r.ok && r.ops).toEqual([{ op: 'group.addUserRoles', groupId: 'g-s1', userIds: ['u2'], roleIds: ['std'] }]);
  });

  it('refuses without roles, and when every pair already exists', () => {
    expect(planAddUserRoles({ group: s1, userIds: ['u1'], roleIds: [], existing: new Set() }).ok).toBe(false);
    const r = planAddUserRoles({ group: s1, userIds: ['u1'], roleIds: ['std'], existing: new Set(['u1\nstd']) });
    expect(!r.ok && r.reason).toMatch(/already hold/);
  });
});
