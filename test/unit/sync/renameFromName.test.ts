import { describe, expect, it } from 'vitest';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { toOutboxOps } from '../../../shared/sync/outbox';
import { reconcile, resolveConflict } from '../../../shared/sync/reconcile';
import { G } from './helpers';

const renamed = (s: ReturnType<typeof exampleSnapshot>, id: string, name: string) => {
  s.AccountGroup.find((g) => g.id === id)!.name = name;
  return s;
};

describe('a rename remembers the name it was queued from (outbox descriptions)', () => {
  it('toOutboxOps captures fromName from the view the admin saw, including earlier ops of the plan and provisional groups', () => {
    const ops = toOutboxOps('p', [
      { op: 'group.rename', groupId: G.services1, name: 'B' },
      { op: 'group.rename', groupId: G.services1, name: 'C' },
      { op: 'group.create', name: 'Fresh' },
      { op: 'group.rename', groupId: 'new:Fresh', name: 'Fresher' },
    ], exampleSnapshot(), 0);
    expect(ops.map((o) => (o.args.op === 'group.rename' ? o.args.fromName : null))).toEqual(['Services 1', 'B', null, 'Fresh']);
  });

  it('a fromName the caller already gave is kept; an unknown group gets none', () => {
    const [given, unknown] = toOutboxOps('p', [
      { op: 'group.rename', groupId: G.services1, name: 'B', fromName: 'As shown' },
      { op: 'group.rename', groupId: 'no-such-group', name: 'B' },
    ], exampleSnapshot(), 0);
    expect(given!.args).toMatchObject({ fromName: 'As shown' });
    expect(unknown!.args).not.toHaveProperty('fromName');
  });

  it('keep mine after someone else renamed the group: the rename now starts from their name, and says so', () => {
    const [op] = toOutboxOps('p', [{ op: 'group.rename', groupId: G.services1, name: 'Mine' }], exampleSnapshot(), 0);
    const theirs = renamed(exampleSnapshot(), G.services1, 'Theirs');
    const [conflicted] = reconcile(theirs, [op!], 1).changed;
    expect(conflicted).toMatchObject({ status: 'conflict', args: { fromName: 'Services 1' } });
    const kept = resolveConflict(conflicted!, 'keepMine', theirs, 2)!;
    expect(kept.args).toMatchObject({ name: 'Mine', fromName: 'Theirs' });
    expect(kept.precondition.expect).toEqual([{ type: 'AccountGroup', id: G.services1, field: 'name', value: 'Theirs' }]);
  });
});
