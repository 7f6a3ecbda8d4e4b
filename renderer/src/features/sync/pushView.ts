import type { PushStatus } from '../../../../shared/ipc';
import { fmt } from '../../app/format';

/** The push progress in words: done/total, rate and ETA, or why it is paused. */
export const pushSummary = (p: PushStatus): string => {
  if (p.total === 0) return 'Nothing to send.';
  const head = `${fmt(p.done)} of ${fmt(p.total)} sent`;
  if (p.paused) {
    const why = p.pausedReason === 'auth' ? 'the platform refused the credentials: sign in again in Settings'
      : p.pausedReason === 'offline' ? 'the platform cannot be reached'
      : p.pausedReason === 'journal' ? (p.journalError ?? 'the push journal cannot be written') : 'paused by you';
    return `${head}; paused (${why}).`;
  }
  if (p.done >= p.total) return `${head}.`;
  const rate = `${p.rate < 10 ? p.rate.toFixed(1) : fmt(Math.round(p.rate))} calls/s`;
  return `${head} · ${rate} · ${p.etaMs === null ? 'time left unknown' : `about ${formatDuration(p.etaMs)} left`}.`;
};

export const formatDuration = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
};

export const percent = (p: PushStatus): number => (p.total ? Math.min(100, (100 * p.done) / p.total) : 0);
