import { describe, expect, it } from 'vitest';
import { diffSnapshots, CHANGE_KINDS, type ChangeKind } from '../../../shared/review';
import { accountGroupAccountId, accountGroupUserRoleId } from '../../../shared/model';
import type { Snapshot } from '../../../shared/model';
import { ABC, DEF, G, GHI, JKL, P1, P2, SVC, U1, U2, U3, account, builtIn, customRole, direct, example, shareInSnapshot, withService } from '../access/fixtures';

const link = (s: Snapshot, groupId: string, accountId: string) =>
  s.AccountGroupAccount.push({ '@type': 'AccountGroupAccount', id: accountGroupAccountId(groupId, accountId), accountGroupId: groupId, accountId });
const unlink = (s: Snapshot, groupId: string, accountId: string) => {
  s.AccountGroupAccount = s.AccountGroupAccount.filter((l) => !(l.accountGroupId === groupId && l.accountId === accountId));
};
const groupRole = (s: Snapshot, groupId: string, userId: string, roleId: string) =>
  s.AccountGroupUserRole.push({ '@type': 'AccountGroupUserRole', id: accountGroupUserRoleId(groupId, userId, roleId), accountGroupId: groupId, userId, roleId });
const dropGroupRole = (s: Snapshot, groupId: string, userId: string, roleId: string) => {
  s.AccountGroupUserRole = s.AccountGroupUserRole.filter((l) => !(l.accountGroupId === groupId && l.userId === userId && l.roleId === roleId));
};
const kinds = (d: { changes: { kind: ChangeKind }[] }) => d.changes.map((c) => c.kind);

describe('diffSnapshots: structural changes', () => {
  it('two equal snapshots have no changes and no access entries', () => {
    expect(diffSnapshots(example(), example())).toEqual({ changes: [], access: { gained: [], lost: [], changed: [] } });
  });

  it('group.created / group.renamed / group.deleted carry the group id and name (from, to on rename)', () => {
    const before = example();
    const after = example();
    after.AccountGroup.push({ '@type': 'AccountGroup', id: 'g-new', accountId: after.AccountGroup[0]!.accountId, name: 'Services 3', Resources: { '@type': 'Resources', Resource: [] } });
    after.AccountGroup.find((g) => g.id === G.services1)!.name = 'Services North';
    const gone = example();
    gone.AccountGroup = gone.AccountGroup.filter((g) => g.id !== G.services2);
    expect(diffSnapshots(before, after).changes).toEqual([
      { kind: 'group.created', groupId: 'g-new', group: 'Services 3' },
      { kind: 'group.renamed', groupId: G.services1, group: 'Services North', from: 'Services 1', to: 'Services North' },
    ]);
    expect(diffSnapshots(before, gone).changes[0]).toEqual({ kind: 'group.deleted', groupId: G.services2, group: 'Services 2' });
  });

  it('group.accountAdded: R7 the group users gain their group roles on it (R8 union → changed)', () => {
    const after = example();
    link(after, G.services1, GHI);
    const d = diffSnapshots(example(), after);
    expect(d.changes).toEqual([{ kind: 'group.accountAdded', groupId: G.services1, group: 'Services 1', accountId: GHI, account: 'Doc GHI Company' }]);
    // ServUser1/2 already reach GHI with Support through All Accounts: their roles change, no log-in is gained.
    expect(d.access.gained).toEqual([]);
    expect(d.access.changed).toEqual([
      { userId: U1, accountId: GHI, before: ['Support'], after: ['Standard User', 'Support'] },
      { userId: U2, accountId: GHI, before: ['Support'], after: ['Standard User', 'Support'] },
    ]);
  });

  it('group.accountRemoved from All Accounts and Services 1: R13 its users lose log-in', () => {
    const after = example();
    unlink(after, G.services1, ABC);
    unlink(after, G.all, ABC);
    const d = diffSnapshots(example(), after);
    expect(kinds(d)).toEqual(['group.accountRemoved', 'group.accountRemoved']);
    expect(d.access.lost.map((e) => e.userId).sort()).toEqual(['ServUser1@boomi.com', 'ServUser2@boomi.com', 'ServUser3@boomi.com', 'ServUser4@boomi.com']);
    expect(d.access.lost.find((e) => e.userId === U1)).toEqual({ userId: U1, accountId: ABC, roles: ['Standard User', 'Support'] });
  });

  it('group.userRoleAdded / group.userRoleRemoved name the user and the role; access follows on every account of the group', () => {
    const after = example();
    groupRole(after, G.services2, U1, builtIn('Administrator'));
    dropGroupRole(after, G.all, U3, builtIn('Support'));
    const d = diffSnapshots(example(), after);
    expect(d.changes).toEqual([
      { kind: 'group.userRoleAdded', groupId: G.services2, group: 'Services 2', userId: U1, roleId: builtIn('Administrator'), role: 'Administrator' },
      { kind: 'group.userRoleRemoved', groupId: G.all, group: 'All Accounts', userId: U3, roleId: builtIn('Support'), role: 'Support' },
    ]);
    expect(d.access.changed.filter((e) => e.userId === U1).map((e) => e.accountId).sort()).toEqual([GHI, JKL].sort());
    // ServUser3 keeps Standard User on GHI and JKL (Services 2) but loses ABC and DEF entirely (R13).
    expect(d.access.lost).toEqual([ABC, DEF].sort().map((a) => ({ userId: U3, accountId: a, roles: ['Support'] })));
  });

  it('account.userRoleAdded: R9 a direct role wins over group roles (changed); removing it restores them', () => {
    const after = direct(example(), ABC, U1, builtIn('Administrator'));
    const d = diffSnapshots(example(), after);
    expect(d.changes).toEqual([{ kind: 'account.userRoleAdded', accountId: ABC, account: 'Doc ABC Company', userId: U1, roleId: builtIn('Administrator'), role: 'Administrator' }]);
    expect(d.access.changed).toEqual([{ userId: U1, accountId: ABC, before: ['Standard User', 'Support'], after: ['Administrator'] }]);
    const back = diffSnapshots(after, example());
    expect(kinds(back)).toEqual(['account.userRoleRemoved']);
    expect(back.access.changed).toEqual([{ userId: U1, accountId: ABC, before: ['Administrator'], after: ['Standard User', 'Support'] }]);
  });

  it('account.supportAccessRoleChanged: R10 the cap trims privileges only, so no access entry', () => {
    const after = example();
    account(after, ABC).supportAccessRoleId = builtIn('Support');
    const d = diffSnapshots(example(), after);
    expect(d.changes).toEqual([{ kind: 'account.supportAccessRoleChanged', accountId: ABC, account: 'Doc ABC Company', from: null, to: 'Support' }]);
    expect(d.access).toEqual({ gained: [], lost: [], changed: [] });
  });

  it('group.resourceShared / Unshared: R18 a direct custom role counts only while shared; R16 "(shared)" label', () => {
    const base = example();
    const role = customRole(base, 'Deployer');
    direct(base, GHI, U1, role.id);
    const shared = structuredClone(base);
    shareInSnapshot(shared, G.services2, role);
    const d = diffSnapshots(base, shared);
    expect(d.changes).toEqual([{ kind: 'group.resourceShared', groupId: G.services2, group: 'Services 2', objectType: 'Role', resourceId: role.id, resource: 'Deployer' }]);
    // Before: the unshared direct role is ignored (R18), so group roles apply; after: the direct role wins (R9).
    expect(d.access.changed).toEqual([{ userId: U1, accountId: GHI, before: ['Support'], after: ['Deployer (shared)'] }]);
    expect(kinds(diffSnapshots(shared, base))).toEqual(['group.resourceUnshared']);
  });

  it('partner.accessGranted / partner.accessRevoked: R25 gained and lost log-in via partner access', () => {
    const before = withService(example());
    const after = withService(example());
    after.PartnerAccountAccess = after.PartnerAccountAccess.filter((p) => !(p.accountId === P2 && p.userId === U1));
    after.PartnerAccountAccess.push({ '@type': 'PartnerAccountAccess', serviceId: SVC, accountId: P2, userId: U2 });
    const d = diffSnapshots(before, after);
    expect(d.changes).toEqual([
      { kind: 'partner.accessGranted', serviceId: SVC, service: 'Managed Services', accountId: P2, account: `Partner ${P2}`, userId: U2 },
      { kind: 'partner.accessRevoked', serviceId: SVC, accountId: P2, account: `Partner ${P2}`, userId: U1, service: 'Managed Services' },
    ]);
    expect(d.access.gained).toEqual([{ userId: U2, accountId: P2, roles: [] }]);
    expect(d.access.lost).toEqual([{ userId: U1, accountId: P2, roles: [] }]);
  });

  it('R28: an account leaving a service removes the partner access that depended on it, with no access record changing', () => {
    const before = withService(example());
    const after = withService(example());
    after.PartnerService[0]!.accountIds = after.PartnerService[0]!.accountIds.filter((a) => a !== P1);
    const d = diffSnapshots(before, after);
    expect(d.changes).toEqual([]);
    expect(d.access.lost.map((e) => e.userId).sort()).toEqual([U1, U2]);
  });

  it('changes come out in DESIGN.md kind order, whatever the order of the records', () => {
    const after = direct(example(), ABC, U1, builtIn('Administrator'));
    link(after, G.services1, GHI);
    after.AccountGroup.find((g) => g.id === G.services2)!.name = 'Renamed';
    const order = kinds(diffSnapshots(example(), after)).map((k) => CHANGE_KINDS.indexOf(k));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(order).toHaveLength(3);
  });
});
