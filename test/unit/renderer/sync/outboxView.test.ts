import { describe, expect, it } from 'vitest';
import type { OpStatus, OutboxOp } from '../../../../shared/sync/types';
import { countByStatus, filterOutbox, pendingByPlan, withdrawPlanSentence } from '../../../../renderer/src/features/sync/outboxView';

const entry = (seq: number, status: OpStatus): OutboxOp => ({
  id: `e${seq}`, seq, round: 0, planId: 'p', args: { op: 'role.delete', roleId: 'r' }, precondition: { expect: [] }, status, attempts: status === 'failed' ? 3 : 0,
  ...(status === 'failed' ? { lastError: 'HTTP 400: no such role' } : {}), createdAt: 0, updatedAt: 0,
});
const entries = [entry(1, 'applied'), entry(2, 'failed'), entry(3, 'pending'), entry(4, 'conflict'), entry(5, 'pending'), entry(6, 'unchanged'), entry(7, 'inflight')];

describe('outbox view', () => {
  it('counts each status', () => {
    expect(countByStatus(entries)).toEqual({ pending: 2, sending: 1, done: 2, failed: 1, conflict: 1 });
  });

  it('"open" shows everything the platform has not confirmed, in queue order', () => {
    expect(filterOutbox(entries, 'open').map((e) => e.seq)).toEqual([2, 3, 4, 5, 7]);
    expect(filterOutbox(entries, 'done').map((e) => e.seq)).toEqual([1, 6]);
    expect(filterOutbox(entries, 'failed').map((e) => e.lastError)).toEqual(['HTTP 400: no such role']);
    expect(filterOutbox(entries, 'all')).toHaveLength(7);
  });
});

describe('Withdraw plan', () => {
  it('groups only the pending entries by plan, in queue order: what a plan can still withdraw', () => {
    const mixed = [{ ...entry(1, 'pending'), planId: 'a' }, { ...entry(2, 'inflight'), planId: 'a' }, { ...entry(3, 'pending'), planId: 'b' }, { ...entry(4, 'pending'), planId: 'a' }, { ...entry(5, 'applied'), planId: 'b' }];
    const by = pendingByPlan(mixed);
    expect([...by.keys()]).toEqual(['a', 'b']);
    expect(by.get('a')!.map((e) => e.seq)).toEqual([1, 4]);
    expect(by.get('b')!.map((e) => e.seq)).toEqual([3]);
  });

  it('says how many went, and why the others stayed', () => {
    expect(withdrawPlanSentence(3, 3, [])).toEqual({ ok: true, text: "Withdrawn: the plan's 3 changes." });
    expect(withdrawPlanSentence(3, 2, [{ reason: 'it is already being sent' }])).toEqual({ ok: false, text: "Withdrawn 2 of the plan's 3 changes; the others stay: it is already being sent." });
    expect(withdrawPlanSentence(2, 0, [{ reason: 'it is done' }, { reason: 'it is done' }])).toEqual({ ok: false, text: 'Not withdrawn: it is done.' });
  });
});
