import { describe, expect, it } from 'vitest';
import { ReviewRecord, newReview, planOutcome, recordPlan, signOff } from '../../../shared/review';

const time = (iso: string) => iso.slice(11, 16);

describe('review record: the plan made from the removes and its outcome', () => {
  it('keeps the queued plan id, so its outcome can be read from History when it lands (even after sign-off)', () => {
    const r = signOff(newReview('r1', 'Q4 review', 'reviewer@boomi.com', '2026-12-02T09:00:00.000Z', null), 'reviewer@boomi.com', '2026-12-02T09:30:00.000Z');
    const made = recordPlan(r, '2026-12-02T09:31:00.000Z', 2, 'queued', 'plan-1');
    expect(made.plan).toEqual({ madeAt: '2026-12-02T09:31:00.000Z', ops: 2, outcome: 'queued', planId: 'plan-1' });
    expect(ReviewRecord.parse(made).plan?.planId).toBe('plan-1');
    // Records written before the id was kept still read.
    expect(ReviewRecord.parse({ ...made, plan: { madeAt: made.plan!.madeAt, ops: 2, outcome: null } }).plan?.planId).toBeUndefined();
  });

  it('says the outcome by status, leaving out what did not happen', () => {
    expect(planOutcome('2026-12-02T10:02:00.000Z', ['applied', 'applied'], time)).toBe('applied 10:02: 2 applied');
    expect(planOutcome('2026-12-02T10:02:00.000Z', ['applied', 'failed', 'unchanged'], time)).toBe('applied 10:02: 1 applied, 1 unchanged, 1 failed');
  });
});
