import type { Clock } from './clock';
import type { Progress } from './types';

const WINDOW_MS = 10_000;

/** done/total, the recent rate and an ETA, for the progress shown while a plan is pushed. */
export class ProgressMeter {
  total = 0;
  private count = 0;
  private readonly stamps: number[] = [];
  private readonly started: number;

  constructor(private readonly clock: Clock) {
    this.started = clock.now();
  }

  add(n: number): void {
    this.total += n;
  }

  done(n: number): void {
    this.count += n;
    const now = this.clock.now();
    for (let i = 0; i < n; i++) this.stamps.push(now);
    while (this.stamps.length && this.stamps[0]! < now - WINDOW_MS) this.stamps.shift();
  }

  snapshot(paused: Progress['pausedReason'] | null): Progress {
    const now = this.clock.now();
    const span = Math.min(WINDOW_MS, Math.max(1, now - this.started));
    const recent = this.stamps.filter((t) => t >= now - WINDOW_MS).length;
    const rate = (recent * 1000) / span;
    const left = this.total - this.count;
    const p: Progress = { done: this.count, total: this.total, rate, etaMs: left === 0 ? 0 : rate > 0 ? (left / rate) * 1000 : null, paused: !!paused };
    if (paused) p.pausedReason = paused;
    return p;
  }
}
