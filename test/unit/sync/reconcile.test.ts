import { describe, expect, it } from 'vitest';
import type { PlanOp } from '../../../shared/plans/types';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { toOutboxOps } from '../../../shared/sync/outbox';
import { reconcile, resolveConflict, viewOf } from '../../../shared/sync/reconcile';
import type { AccessState } from '../../../shared/access/state';
import { A, G, U } from './helpers';

const STD = BUILT_IN_ROLE_IDS['Standard User'];
const SUP = BUILT_IN_ROLE_IDS.Support;
const name = (s: AccessState, id: string) => s.groups.get(id)?.name;

describe('view = confirmed ⊕ pending (DESIGN.md Cache/Reconcile)', () => {
  it('shows pending ops over the confirmed snapshot and never writes into it', () => {
    const confirmed = exampleSnapshot();
    const frozen = JSON.stringify(confirmed);
    const ops = toOutboxOps('p', [
      { op: 'group.create', name: 'Services 3' },
      { op: 'group.addAccounts', groupId: 'new:Services 3', accountIds: [A[0]!] },
      { op: 'group.removeUserRoles', groupId: G.services1, userIds: [U[0]], roleIds: [STD] },
      { op: 'group.rename', groupId: G.services2, name: 'Services South' },
    ], confirmed, 0);
    const view = viewOf(confirmed, ops);
    expect(JSON.stringify(confirmed)).toBe(frozen);
    expect(name(view, 'new:Services 3')).toBe('Services 3');
    expect(view.groupAccounts.has('new:Services 3', A[0]!)).toBe(true);
    expect(view.userGroupRoles.has(U[0], G.services1, STD)).toBe(false);
    expect(name(view, G.services2)).toBe('Services South');
  });

  it('once the group exists on the platform, pending ops on new:<name> land on the real group', () => {
    const confirmed = exampleSnapshot();
    const ops = toOutboxOps('p', [{ op: 'group.create', name: 'Services 3' }, { op: 'group.addAccounts', groupId: 'new:Services 3', accountIds: [A[0]!] }], confirmed, 0);
    const next = exampleSnapshot();
    next.AccountGroup.push({ '@type': 'AccountGroup', id: 'real-3', accountId: 'documentation-7QK2DN', name: 'Services 3', defaultGroup: false });
    const { view } = reconcile(next, [{ ...ops[0]!, status: 'applied' }, ops[1]!], 1);
    expect(view.groups.keys().filter((id) => view.groups.get(id)!.name === 'Services 3')).toEqual(['real-3']);
    expect(view.groupAccounts.has('real-3', A[0]!)).toBe(true);
  });

  it('a rename whose group someone else renamed meanwhile is a conflict with both sides', () => {
    const confirmed = exampleSnapshot();
    const [op] = toOutboxOps('p', [{ op: 'group.rename', groupId: G.services1, name: 'Mine' }], confirmed, 0);
    const theirs = exampleSnapshot();
    theirs.AccountGroup.find((g) => g.id === G.services1)!.name = 'Theirs';
    const { view, changed } = reconcile(theirs, [op!], 5);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ status: 'conflict', updatedAt: 5 });
    expect(changed[0]!.conflict).toEqual([{ expectation: { type: 'AccountGroup', id: G.services1, field: 'name', value: 'Services 1' }, theirs: 'Theirs' }]);
    expect(changed[0]!.lastError).toMatch(/Theirs/);
    // A conflict stays out of the view until resolved: no silent last-writer-wins.
    expect(name(view, G.services1)).toBe('Theirs');
  });

  it('is no conflict when the other side made the same change', () => {
    const [op] = toOutboxOps('p', [{ op: 'group.rename', groupId: G.services1, name: 'Same' }], exampleSnapshot(), 0);
    const theirs = exampleSnapshot();
    theirs.AccountGroup.find((g) => g.id === G.services1)!.name = 'Same';
    expect(reconcile(theirs, [op!], 1).changed).toEqual([]);
  });

  it('R10: a Support Access Role changed by someone else conflicts; keep mine rebases, take theirs withdraws, drop keeps history', () => {
    const [op] = toOutboxOps('p', [{ op: 'account.setSupportAccessRole', accountId: A[0]!, roleId: SUP }], exampleSnapshot(), 0);
    const theirs = exampleSnapshot();
    theirs.Account.find((a) => a.accountId === A[0])!.supportAccessRoleId = STD;
    const [conflict] = reconcile(theirs, [op!], 1).changed;
    expect(conflict!.conflict![0]!.theirs).toBe(STD);
    const mine = resolveConflict(conflict!, 'keepMine', theirs, 2)!;
    expect(mine).toMatchObject({ status: 'pending', precondition: { expect: [{ field: 'supportAccessRoleId', value: STD }] } });
    expect(mine.conflict).toBeUndefined();
    expect(reconcile(theirs, [mine], 3).changed).toEqual([]);
    expect(viewOf(theirs, [mine]).accounts.get(A[0]!)!.supportAccessRoleId).toBe(SUP);
    expect(resolveConflict(conflict!, 'takeTheirs', theirs, 2)).toBeNull();
    expect(resolveConflict(conflict!, 'drop', theirs, 2)).toMatchObject({ status: 'failed', lastError: /dropped/ });
    expect(() => resolveConflict(mine, 'drop', theirs, 2)).toThrow(/not in conflict/);
  });

  it('R28: granting partner access to an account that left the service is a conflict; keep mine still conflicts', () => {
    const base = exampleSnapshot();
    base.PartnerService.push({ '@type': 'PartnerService', id: 'svc', name: 'S', partnerOrganisation: 'O', entityId: 'e', accountIds: [A[0]!, A[1]!] });
    const plan: PlanOp[] = [{ op: 'partner.grant', serviceId: 'svc', accountIds: [A[0]!, A[1]!], userIds: [U[0]] }];
    const [op] = toOutboxOps('p', plan, base, 0);
    const theirs = structuredClone(base);
    theirs.PartnerService[0]!.accountIds = [A[0]!];
    const [c] = reconcile(theirs, [op!], 1).changed;
    expect(c!.lastError).toMatch(new RegExp(`${A[1]} is no longer in PartnerService svc`));
    const kept = resolveConflict(c!, 'keepMine', theirs, 2)!;
    expect(reconcile(theirs, [kept], 3).changed).toHaveLength(1);
  });

  it('replays pending ops in order: a second rename builds on the first', () => {
    const confirmed = exampleSnapshot();
    const ops = toOutboxOps('p', [{ op: 'group.rename', groupId: G.services1, name: 'B' }, { op: 'group.rename', groupId: G.services1, name: 'C' }], confirmed, 0);
    expect(ops[1]!.precondition.expect[0]!.value).toBe('B');
    const { view, changed } = reconcile(confirmed, ops, 1);
    expect(changed).toEqual([]);
    expect(name(view, G.services1)).toBe('C');
  });
});
