import { describe, expect, it } from 'vitest';
import { buildState } from '../../../../shared/access';
import { whatIf } from '../../../../shared/plans';
import { EXAMPLE } from '../../../../shared/seeds/example';
import {
  ausSummary, groupMembersWithoutAus, planDeleteRole, planShare, planUnshare, resourceRows, roleHolders, sharedName,
} from '../../../../renderer/src/features/resources/model';
import { ABC, DEPLOYER, U3, richSnapshot } from '../access-explorer/fixture';

const state = (edit?: (s: ReturnType<typeof richSnapshot>) => void) => {
  const snap = richSnapshot();
  edit?.(snap);
  return buildState(snap);
};
const groupId = (name: string) => richSnapshot().AccountGroup.find((g) => g.name === name)!.id;

describe('resource rows (R22–R24)', () => {
  it('R24: a custom role lists the groups that share it; built-in roles are left out', () => {
    const rows = resourceRows(state(), 'Role');
    expect(rows.map((r) => r.name)).toEqual(['Deployer']);
    expect(rows[0]!.groups.map((g) => g.name)).toEqual(['Services 1']);
    expect(rows[0]!.ineligible).toBeNull();
  });

  it('R23: a public connector is listed as not shareable, with the reason; a private one is shareable', () => {
    const rows = resourceRows(state(), 'Connector');
    expect(rows.find((r) => r.id === 'conn-pub')!.ineligible).toMatch(/^R23: connector "Public SFTP" is public/);
    expect(rows.find((r) => r.id === 'conn-priv')!.ineligible).toBeNull();
  });

  it('R24: a resource a group shares but the catalogue does not list is still shown, marked uncatalogued', () => {
    const s = state((snap) => {
      snap.AccountGroup.find((g) => g.name === 'Services 2')!.Resources = {
        '@type': 'Resources', Resource: [{ '@type': 'Resource', objectType: 'Data Hub Model', resourceId: 'm-1', resourceName: 'Customers' }],
      };
    });
    expect(resourceRows(s, 'Data Hub Model')).toEqual([
      { objectType: 'Data Hub Model', id: 'm-1', name: 'Customers', ineligible: null, groups: [{ groupId: groupId('Services 2'), name: 'Services 2' }], catalogued: false },
    ]);
  });

  it('R16: a shared role is named "Name (shared)" in member accounts', () => {
    expect(sharedName('Deployer')).toBe('Deployer (shared)');
  });
});

describe('share / unshare / delete (R15, R19, R20, R21)', () => {
  it('R15: sharing Deployer with Services 2 builds one op; sharing it again is refused as a no-op', () => {
    const s = state();
    const row = resourceRows(s, 'Role')[0]!;
    const p = planShare(s, groupId('Services 2'), row);
    expect(p).toEqual({ ok: true, ops: [{ op: 'group.shareResources', groupId: groupId('Services 2'), resources: [{ objectType: 'Role', resourceId: DEPLOYER, resourceName: 'Deployer' }] }] });
    expect(planShare(s, groupId('Services 1'), row)).toEqual({ ok: false, reason: '“Deployer” is already shared with that group.' });
  });

  it('R19: with AUS off on the primary account no new role can be shared', () => {
    const s = state((snap) => void (snap.Account.find((a) => a.accountId === EXAMPLE.primary.accountId)!.advancedUserSecurity = false));
    const p = planShare(s, groupId('Services 2'), resourceRows(s, 'Role')[0]!);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.reason).toMatch(/R15\/R19: Advanced User Security is off/);
    expect(ausSummary(s)).toMatchObject({ primaryOn: false, members: 4, membersOff: 0 });
  });

  it('R19: counts the member accounts of a group without AUS', () => {
    const s = state((snap) => void (snap.Account.find((a) => a.accountId === ABC)!.advancedUserSecurity = false));
    expect(groupMembersWithoutAus(s, groupId('Services 1'))).toBe(1);
    expect(groupMembersWithoutAus(s, groupId('Services 2'))).toBe(0);
    expect(ausSummary(s)).toMatchObject({ primaryOn: true, members: 4, membersOff: 1 });
  });

  it('R20 + R9: unsharing Deployer from Services 1 takes it from ServUser3 on Doc ABC, who falls back to group roles', () => {
    const s = state();
    const p = planUnshare(s, groupId('Services 1'), resourceRows(s, 'Role')[0]!);
    expect(p.ok).toBe(true);
    const d = whatIf(s, p.ok ? p.ops : []);
    expect(d.losses.find((l) => l.userId === U3 && l.accountId === ABC)?.roles).toEqual(['Deployer (shared)']);
    expect(d.gains.find((l) => l.userId === U3 && l.accountId === ABC)).toMatchObject({ roles: ['Support'], via: 'group' });
    expect(d.lockedOut).toEqual([]);
    expect(planUnshare(s, groupId('Services 2'), resourceRows(s, 'Role')[0]!)).toEqual({ ok: false, reason: '“Deployer” is not shared with that group.' });
  });

  it('R20: with no group role to fall back on, ServUser3 is locked out of Doc ABC', () => {
    const s = state((snap) => void (snap.AccountGroupUserRole = snap.AccountGroupUserRole.filter((l) => l.userId !== U3)));
    const p = planUnshare(s, groupId('Services 1'), resourceRows(s, 'Role')[0]!);
    expect(whatIf(s, p.ok ? p.ops : []).lockedOut).toEqual([{ userId: U3, accountId: ABC }]);
  });

  it('R21: deleting a held custom role is refused naming the holder; once nobody holds it, it may go', () => {
    const s = state();
    expect(roleHolders(s, DEPLOYER)).toEqual([{ userId: U3, name: 'Serv User3', where: 'directly on Doc ABC Company' }]);
    const refused = planDeleteRole(s, DEPLOYER);
    expect(!refused.ok && refused.reason).toMatch(/^R21: "Deployer" is still held by 1 user \("ServUser3@boomi.com"\)/);
    const free = state((snap) => void (snap.AccountUserRole = []));
    expect(planDeleteRole(free, DEPLOYER)).toEqual({ ok: true, ops: [{ op: 'role.delete', roleId: DEPLOYER }] });
  });
});
