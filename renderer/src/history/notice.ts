import { create } from 'zustand';
import { fmt, plural } from '../app/format';
import type { PlanOutcome } from './record';

/** The one result snackbar of the window: a queued plan landed or failed. */
export interface ResultNotice {
  planId: string;
  severity: 'success' | 'error';
  message: string;
}

interface NoticeState {
  notice: ResultNotice | null;
  /** Plans whose outcome someone is waiting for (the partner banner waits for the platform). */
  outcomes: Record<string, PlanOutcome>;
  show: (o: PlanOutcome) => void;
  dismiss: () => void;
}

export const describeOutcome = (o: PlanOutcome): ResultNotice => {
  if (o.failed) {
    return {
      planId: o.planId,
      severity: 'error',
      message: `${plural(o.failed, 'change')} failed on the platform${o.firstError ? `: ${o.firstError}` : ''}`,
    };
  }
  const landed = o.applied ? `${plural(o.applied, 'change')} landed on the platform` : 'Nothing to change: the platform already had it';
  return { planId: o.planId, severity: 'success', message: o.unchanged && o.applied ? `${landed} (${fmt(o.unchanged)} already so)` : landed };
};

export const useResultNotice = create<NoticeState>((set) => ({
  notice: null,
  outcomes: {},
  show: (o) => set((s) => ({ notice: describeOutcome(o), outcomes: { ...s.outcomes, [o.planId]: o } })),
  dismiss: () => set({ notice: null }),
}));
