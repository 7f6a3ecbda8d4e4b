import { describe, expect, it } from 'vitest';
import { buildState } from '../../../../shared/access';
import { whatIf } from '../../../../shared/plans';
import { lockedUsers, lockoutCount } from '../../../../renderer/src/domain/planGate';
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
    expect(lockedUsers(d)).toBe(`${U3} (1 account).`);
    expect(d.lockedOut).toEqual([{ userId: U3, accountId: ABC }]);
  });

  it('reads a summary (counts + the pairs shown) too, and says when the list is partial', () => {
    const summary = { lockedOut: 3, lockedOutShown: [{ userId: 'a@x' }, { userId: 'b@x' }], refused: [] };
    expect(lockoutCount(summary)).toBe(3);
    expect(lockedUsers(summary)).toBe('a@x (1 account), b@x (1 account) — counted over the first 2 lock-outs.');
  });

  it('orders users by how many accounts they lose and shortens long lists', () => {
    const pairs = [...Array.from({ length: 25 }, (_, i) => ({ userId: `u${String(i).padStart(2, '0')}@x` })), { userId: 'u24@x' }];
    const text = lockedUsers({ lockedOut: pairs, refused: [] });
    expect(text.startsWith('u24@x (2 accounts), u00@x (1 account)')).toBe(true);
    expect(text.endsWith('and 5 more users.')).toBe(true);
  });
});
