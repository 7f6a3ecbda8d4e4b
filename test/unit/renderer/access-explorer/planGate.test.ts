import { describe, expect, it } from 'vitest';
import { buildState } from '../../../../shared/access';
import { whatIf, whatIfSummary } from '../../../../shared/plans';
import { lockoutCount } from '../../../../renderer/src/domain/planGate';
import { planUnshare, resourceRows } from '../../../../renderer/src/features/resources/model';
import { ABC, U3, richSnapshot } from './fixture';

describe('the Apply gate of the plan preview (R13, R20)', () => {
  it('R20: reads lock-outs from a full what-if and names the user with the number of accounts', () => {
    const snap = richSnapshot();
    snap.AccountGroupUserRole = snap.AccountGroupUserRole.filter((l) => l.userId !== U3);
    const s = buildState(snap);
    const g = snap.AccountGroup.find((x) => x.name === 'Services 1')!.id;
    const p = planUnshare(s, g, resourceRows(s, 'Role')[0]!);
    const d = whatIf(s, p.ok ? p.ops : []);
    expect(lockoutCount(d)).toBe(1);
    expect(d.lockedOut).toEqual([{ userId: U3, accountId: ABC }]);
    expect(whatIfSummary(s, p.ok ? p.ops : [], 0).digest).toMatchObject({ lockedOut: [{ userId: U3, accounts: 1, roles: [] }], lockedOutAccounts: 1 });
  });

  it('reads a summary too: its count, not the pairs it shows', () => {
    const summary = { lockedOut: 3, lockedOutShown: [{ userId: 'a@x' }], refused: [] };
    expect(lockoutCount(summary)).toBe(3);
  });
});
