import { describe, expect, it } from 'vitest';
import { buildState } from '../../../shared/access/state';
import { namesFrom } from '../../../shared/plans/describe';
import { callsOf, describeOp, OP_MODULES } from '../../../shared/plans/registry';
import { PlanOp } from '../../../shared/plans/types';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { DEMO, demoSnapshot } from '../../../shared/seeds/demo';
import { EXAMPLE } from '../../../shared/seeds/example';
import { toOutboxOps } from '../../../shared/sync/outbox';

const { groups, users } = EXAMPLE;
const STD = BUILT_IN_ROLE_IDS['Standard User'];

describe('one module per op', () => {
  it('every kind of the PlanOp schema has its module, and the module carries that kind\'s schema', () => {
    const kinds = PlanOp.options.map((o) => o.shape.op.value).sort();
    expect(Object.keys(OP_MODULES).sort()).toEqual(kinds);
    for (const [kind, m] of Object.entries(OP_MODULES)) expect(m.schema.safeParse({ op: kind }).success).toBe(false);
  });

  it('R23: a shared Cloud is sent under its real name, the one the preview shows, never its id', () => {
    const snap = demoSnapshot();
    const [queued] = toOutboxOps('p', [{ op: 'group.shareResources', groupId: groups.services2, resources: [{ objectType: 'Cloud', resourceId: DEMO.cloud }] }], snap, 0);
    expect(queued!.args).toMatchObject({ resources: [{ objectType: 'Cloud', resourceId: DEMO.cloud, resourceName: 'Documentation Atom Cloud' }] });
    expect(callsOf(queued!.args)[0]!.effect).toEqual(queued!.args);
  });

  it('describes an op in one sentence from names; a queued rename keeps the name it had when queued', () => {
    const names = namesFrom(buildState(demoSnapshot()));
    expect(describeOp({ op: 'group.addUserRoles', groupId: groups.services1, userIds: [users[2]], roleIds: [STD] }, names))
      .toMatch(/^Give .+ the role Standard User in “Services 1”\.$/);
    expect(describeOp({ op: 'group.rename', groupId: groups.services1, name: 'East', fromName: 'Old' }, names)).toBe('Rename “Old” to “East”.');
    expect(describeOp({ op: 'group.rename', groupId: groups.services1, name: 'East' }, names)).toBe('Rename “Services 1” to “East”.');
    expect(describeOp({ op: 'group.addAccounts', groupId: 'new:Fresh', accountIds: ['x'] }, names)).toBe('Add 1 account to “Fresh”: x.');
  });
});
