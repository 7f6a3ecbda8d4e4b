import { describe, expect, it } from 'vitest';
import { buildState } from '../../../../shared/access';
import { whatIf } from '../../../../shared/plans';
import { EXAMPLE } from '../../../../shared/seeds/example';
import { groupTargets, planShareDrop, shareDropWarning } from '../../../../renderer/src/features/resources/dropPlan';
import { resourceRows } from '../../../../renderer/src/features/resources/model';
import { DEPLOYER, richSnapshot } from '../access-explorer/fixture';

type Snap = ReturnType<typeof richSnapshot>;
const state = (edit?: (s: Snap) => void) => {
  const snap = richSnapshot();
  edit?.(snap);
  return buildState(snap);
};
const gid = (name: string) => richSnapshot().AccountGroup.find((g) => g.name === name)!.id;
const row = (s: ReturnType<typeof state>, type: Parameters<typeof resourceRows>[1], id: string) => resourceRows(s, type).find((r) => r.id === id)!;

describe('resources dropped on a group (R15, R22–R24)', () => {
  it('R24: a cloud and a private connector dropped on Services 2 become one shareResources op', () => {
    const s = state();
    const d = planShareDrop(s, gid('Services 2'), [row(s, 'Cloud', 'cloud-1'), row(s, 'Connector', 'conn-priv')]);
    expect(d).toEqual({
      ok: true,
      ops: [{ op: 'group.shareResources', groupId: gid('Services 2'), resources: [
        { objectType: 'Cloud', resourceId: 'cloud-1', resourceName: 'Cloud One' },
        { objectType: 'Connector', resourceId: 'conn-priv', resourceName: 'Private SAP' },
      ] }],
      notShared: [],
      ausOff: 0,
    });
    // The engine accepts the plan as built: nothing refused.
    expect(d.ok && whatIf(s, d.ops).refused).toEqual([]);
  });

  it('R23: a public connector in the drop is left out with the engine’s reason; the rest is shared', () => {
    const s = state();
    const d = planShareDrop(s, gid('Services 2'), [row(s, 'Connector', 'conn-pub'), row(s, 'Connector', 'conn-priv')]);
    if (!d.ok) throw new Error(d.reason);
    expect(d.ops[0]!.resources.map((r) => r.resourceId)).toEqual(['conn-priv']);
    expect(d.notShared).toHaveLength(1);
    expect(d.notShared[0]!.name).toBe('Public SFTP');
    expect(d.notShared[0]!.reason).toMatch(/^R23: connector "Public SFTP" is public/);
    expect(shareDropWarning(d, 'Services 2')).toMatch(/^Not shared, 1 of the dropped resources: “Public SFTP” \(R23: connector/);
  });

  it('R23: a drop of only ineligible resources is refused as a whole, naming each reason', () => {
    const s = state();
    const d = planShareDrop(s, gid('Services 2'), [row(s, 'Connector', 'conn-pub')]);
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toMatch(/^Nothing can be shared with “Services 2”: “Public SFTP” \(R23: connector "Public SFTP" is public/);
  });

  it('R24: a resource the group already shares is not shared again, and alone it is refused', () => {
    const s = state();
    const deployer = row(s, 'Role', DEPLOYER);
    expect(planShareDrop(s, gid('Services 1'), [deployer])).toEqual({ ok: false, reason: 'Nothing can be shared with “Services 1”: “Deployer” (already shared with “Services 1”).' });
    const d = planShareDrop(s, gid('Services 1'), [deployer, row(s, 'Cloud', 'cloud-1'), row(s, 'Cloud', 'cloud-1')]);
    expect(d.ok && d.ops[0]!.resources.map((r) => r.resourceId)).toEqual(['cloud-1']);
    expect(d.ok && d.notShared).toEqual([{ name: 'Deployer', reason: 'already shared with “Services 1”' }]);
  });

  it('R15/R19: with AUS off on the primary a custom role cannot be shared; with AUS off on members the preview says so', () => {
    const off = state((snap) => void (snap.Account.find((a) => a.accountId === EXAMPLE.primary.accountId)!.advancedUserSecurity = false));
    const refused = planShareDrop(off, gid('Services 2'), [row(off, 'Role', DEPLOYER)]);
    expect(!refused.ok && refused.reason).toMatch(/R15\/R19: Advanced User Security is off on the primary account/);

    const membersOff = state((snap) => {
      for (const a of snap.Account) if (a.parentAccountId === EXAMPLE.primary.accountId && /GHI/.test(a.name ?? '')) a.advancedUserSecurity = false;
    });
    const d = planShareDrop(membersOff, gid('Services 2'), [row(membersOff, 'Role', DEPLOYER)]);
    if (!d.ok) throw new Error(d.reason);
    expect(d.ausOff).toBe(1);
    expect(shareDropWarning(d, 'Services 2')).toBe(
      '1 account of “Services 2” has Advanced User Security off: shared roles are listed there but cannot be assigned until AUS is on (R15, R19).',
    );
    // Clouds carry no role: the AUS caveat is not said.
    const cloud = planShareDrop(membersOff, gid('Services 2'), [row(membersOff, 'Cloud', 'cloud-1')]);
    expect(cloud.ok && cloud.ausOff).toBe(0);
  });

  it('bad input is refused and changes nothing: no resources, an unknown group', () => {
    const s = state();
    expect(planShareDrop(s, gid('Services 2'), [])).toEqual({ ok: false, reason: 'No resources selected.' });
    expect(planShareDrop(s, 'nope', [row(s, 'Cloud', 'cloud-1')])).toEqual({ ok: false, reason: 'unknown group "nope"' });
    expect(resourceRows(s, 'Cloud')[0]!.groups).toEqual([]);
  });

  it('R3: the drop targets list All Accounts first, then by name, with their counts', () => {
    expect(groupTargets(state())).toEqual([
      { id: gid('All Accounts'), name: 'All Accounts', defaultGroup: true, accountCount: 4, userCount: 4 },
      { id: gid('Services 1'), name: 'Services 1', defaultGroup: false, accountCount: 2, userCount: 2 },
      { id: gid('Services 2'), name: 'Services 2', defaultGroup: false, accountCount: 2, userCount: 2 },
    ]);
  });
});
