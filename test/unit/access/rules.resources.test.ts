import { describe, expect, it } from 'vitest';
import { accountResources, userResources } from '../../../shared/access';
import { whatIf } from '../../../shared/plans';
import { applyOps, resolvePlanFile } from '../../../shared/plans';
import type { Snapshot } from '../../../shared/model';
import { ABC, G, GHI, PRIMARY, U1, U3, example, plan, state } from './fixtures';

const catalogue = (): Snapshot => {
  const s = example();
  s.Cloud.push({ id: 'cloud-1', name: 'Partner Cloud' });
  s.IntegrationPack.push({ id: 'ipack-1', name: 'Orders Pack', Description: 'Orders' });
  const pub = (id: string, objectType: 'Connector' | 'Published Process' | 'Data Hub Model', extra: object = {}) =>
    s.PublishedResource.push({ id, objectType, name: id, accountId: PRIMARY, released: true, visibility: 'private', ...extra });
  pub('conn-private', 'Connector');
  pub('conn-public', 'Connector', { visibility: 'public' });
  pub('conn-unreleased', 'Connector', { released: false });
  pub('proc-1', 'Published Process');
  pub('model-1', 'Data Hub Model');
  return s;
};

const share = (s: Snapshot, group: string, objectType: string, resourceId: string) =>
  whatIf(state(s), plan(s, [{ op: 'group.shareResources', group, resources: [{ objectType, resourceId }] }]));

describe('resources (R22–R24)', () => {
  it('R22: every resource type can be shared, and only those types are accepted', () => {
    const s = catalogue();
    const all = [
      ['Cloud', 'cloud-1'], ['Integration Pack', 'ipack-1'], ['Connector', 'conn-private'],
      ['Published Process', 'proc-1'], ['Data Hub Model', 'model-1'],
    ] as const;
    for (const [t, id] of all) expect(share(s, 'Services 1', t, id).refused).toEqual([]);
    const bad = resolvePlanFile(s, { plan: [{ op: 'group.shareResources', group: 'Services 1', resources: [{ objectType: 'Atom', resourceId: 'x' }] }] });
    expect(bad.ok).toBe(false);
  });

  it('R23: public or unreleased connectors and unknown resources are not shareable', () => {
    const s = catalogue();
    expect(share(s, 'Services 1', 'Connector', 'conn-public').refused[0]?.reason).toMatch(/^R23: .*public/);
    expect(share(s, 'Services 1', 'Connector', 'conn-unreleased').refused[0]?.reason).toMatch(/^R23: .*not released/);
    expect(share(s, 'Services 1', 'Cloud', 'no-such-cloud').refused[0]?.reason).toMatch(/unknown Cloud resource/);
  });

  it('R24: an account has the union of the resources of its groups, each with the groups that bring it', () => {
    const s = catalogue();
    const after = applyOps(state(s), plan(s, [
      { op: 'group.shareResources', group: 'Services 1', resources: [{ objectType: 'Cloud', resourceId: 'cloud-1' }] },
      { op: 'group.shareResources', group: 'All Accounts', resources: [{ objectType: 'Cloud', resourceId: 'cloud-1' }, { objectType: 'Published Process', resourceId: 'proc-1' }] },
    ])).state;
    const abc = accountResources(after, ABC);
    expect(abc.map((r) => [r.objectType, r.resourceId, r.groups.map((g) => g.name).sort()])).toEqual([
      ['Cloud', 'cloud-1', ['All Accounts', 'Services 1']],
      ['Published Process', 'proc-1', ['All Accounts']],
    ]);
    expect(accountResources(after, GHI).map((r) => r.resourceId)).toEqual(['cloud-1', 'proc-1']);
    expect(userResources(after, U1).find((r) => r.resourceId === 'cloud-1')?.groups.map((g) => g.groupId).sort()).toEqual([G.all, G.services1].sort());
    expect(userResources(after, U3).find((r) => r.resourceId === 'cloud-1')?.groups.map((g) => g.groupId)).toEqual([G.all]);
  });
});
