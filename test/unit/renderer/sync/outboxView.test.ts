import { describe, expect, it } from 'vitest';
import type { OutboxEntry, OutboxStatus } from '../../../../renderer/src/cache';
import { countByStatus, filterOutbox } from '../../../../renderer/src/features/sync/outboxView';

const entry = (seq: number, status: OutboxStatus): OutboxEntry => ({
  id: `e${seq}`, seq, planId: 'p', op: { op: 'role.delete', roleId: 'r' }, status, attempts: status === 'failed' ? 3 : 0,
  lastError: status === 'failed' ? 'HTTP 400: no such role' : null, createdAt: '2026-11-23T10:00:00Z',
});
const entries = [entry(1, 'done'), entry(2, 'failed'), entry(3, 'pending'), entry(4, 'conflict'), entry(5, 'pending')];

describe('outbox view', () => {
  it('counts each status', () => {
    expect(countByStatus(entries)).toEqual({ pending: 2, sending: 0, done: 1, failed: 1, conflict: 1 });
  });

  it('"open" shows everything the platform has not confirmed, in queue order', () => {
    expect(filterOutbox(entries, 'open').map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    expect(filterOutbox(entries, 'failed').map((e) => e.lastError)).toEqual(['HTTP 400: no such role']);
    expect(filterOutbox(entries, 'all')).toHaveLength(5);
  });
});
