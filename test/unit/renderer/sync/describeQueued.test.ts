import { describe, expect, it } from 'vitest';
import { buildState } from '../../../../shared/access';
import { EXAMPLE, exampleSnapshot } from '../../../../shared/seeds/example';
import { describeOp, namesFrom } from '../../../../shared/plans';

const g = EXAMPLE.groups.services1;

describe('outbox description of a queued change', () => {
  it('a rename says the name it was queued from, not the group\'s current name (after it landed, or after another rename)', () => {
    const landed = exampleSnapshot();
    landed.AccountGroup.find((x) => x.id === g)!.name = 'Services East';
    const names = namesFrom(buildState(landed));
    expect(describeOp({ op: 'group.rename', groupId: g, name: 'Services East', fromName: 'Services 1' }, names)).toBe('Rename “Services 1” to “Services East”.');
  });

  it('a rename queued before from-names were captured, and every other op, read as before', () => {
    const names = namesFrom(buildState(exampleSnapshot()));
    expect(describeOp({ op: 'group.rename', groupId: g, name: 'X' }, names)).toBe('Rename “Services 1” to “X”.');
    expect(describeOp({ op: 'group.create', name: 'X' }, names)).toBe('Create the group “X”.');
  });
});
