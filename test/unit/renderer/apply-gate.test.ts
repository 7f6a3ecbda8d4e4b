import { describe, expect, it } from 'vitest';
import { applyGateOf } from '../../../renderer/src/components/ApplyGate';
import { costSentence, planCalls, whenSent } from '../../../renderer/src/domain/planCost';
import { changeCount } from '../../../renderer/src/features/groups/propose';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`);

describe('one apply gate for every preview', () => {
  it('R13: Apply is disabled until the access diff is known, and says why', () => {
    expect(applyGateOf(null, { planned: true, busy: false, confirmed: false })).toEqual({ enabled: false, reason: 'Checking who gains and loses access…', lockouts: 0 });
  });
  it('R13, R20: lock-outs need their confirmation; refused plans never apply', () => {
    const locked = { lockedOut: 151, refused: [] };
    expect(applyGateOf(locked, { planned: true, busy: false, confirmed: false })).toMatchObject({ enabled: false, reason: 'Confirm the 151 lock-outs above to apply.', lockouts: 151 });
    expect(applyGateOf(locked, { planned: true, busy: false, confirmed: true })).toMatchObject({ enabled: true, reason: null });
    expect(applyGateOf({ lockedOut: 0, refused: ['R3'] }, { planned: true, busy: false, confirmed: true }).enabled).toBe(false);
    expect(applyGateOf({ lockedOut: 0, refused: [] }, { planned: true, busy: false, confirmed: false }).enabled).toBe(true);
    expect(applyGateOf({ lockedOut: 1, refused: [] }, { planned: true, busy: false, confirmed: false }).reason).toBe('Confirm the 1 lock-out above to apply.');
  });
});

describe('previews count the real change and its cost', () => {
  it('counts the accounts that will change, not the selection', () => {
    const planned = { ok: true as const, ops: [{ op: 'group.addAccounts' as const, groupId: 'g', accountIds: ids(231) }], skipped: [] };
    expect(changeCount(planned, 300)).toBe('231 of 300 accounts');
    expect(changeCount(planned, 231)).toBe('231 accounts');
  });
  it('says the calls and the time at the platform’s rate', () => {
    const ops = [{ op: 'group.addAccounts' as const, groupId: 'g', accountIds: ids(231) }];
    expect(planCalls(ops)).toBe(231);
    expect(costSentence(ops)).toBe('about 231 calls, ~25 s at the platform\'s rate');
    expect(costSentence([{ op: 'group.rename', groupId: 'g', name: 'x' }])).toBe('1 call');
  });
  it('says a queued change is sent now when online', () => {
    expect(whenSent(true)).toBe('Sending it to the platform now.');
    expect(whenSent(false)).toBe('It will be sent to the platform when online.');
  });
});
