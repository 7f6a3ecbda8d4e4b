import { describe, expect, it } from 'vitest';
import { formatDuration, percent, pushSummary } from '../../../../renderer/src/features/sync/pushView';

const status = (p: Partial<Parameters<typeof pushSummary>[0]>) => ({ done: 0, total: 0, rate: 0, etaMs: null, paused: false, running: 0, ...p });

describe('push progress in words', () => {
  it('says done/total, rate and ETA while sending', () => {
    expect(pushSummary(status({ done: 250, total: 1000, rate: 9.5, etaMs: 79_000 }))).toBe('250 of 1,000 sent · 9.5 calls/s · about 1 min 19 s left.');
    expect(percent(status({ done: 250, total: 1000 }))).toBe(25);
  });

  it('says why it is paused (401 → sign in again)', () => {
    expect(pushSummary(status({ done: 3, total: 10, paused: true, pausedReason: 'auth' }))).toMatch(/paused \(the platform refused the credentials/);
    expect(pushSummary(status({ done: 3, total: 10, paused: true, pausedReason: 'offline' }))).toMatch(/cannot be reached/);
  });

  it('idle and finished states', () => {
    expect(pushSummary(status({}))).toBe('Nothing to send.');
    expect(pushSummary(status({ done: 10, total: 10 }))).toBe('10 of 10 sent.');
    expect(percent(status({}))).toBe(0);
  });

  it('formats durations', () => {
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(3_725_000)).toBe('1 h 2 min');
  });
});
