import type { Clock } from '../../../shared/sync/clock';

/** Virtual time: sleeping advances the clock at once, so backoff and pacing cost no wall time. */
export class FakeClock implements Clock {
  t = 0;
  sleeps: number[] = [];
  now = (): number => this.t;
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.t += Math.max(0, ms);
    await Promise.resolve();
  };
}
