import { z } from 'zod';
import { Decision, targetKey, type ReviewTarget } from './decisions';

/**
 * A named review: the reviewer's decisions on one snapshot, kept offline with no expiry.
 * Once signed off its decisions are locked; the plan's outcome is recorded when it comes back.
 */
export const ReviewRecord = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(255),
  reviewer: z.string().max(255),
  createdAt: z.string(),
  /** The cache's time the review was made against ("as of"). */
  snapshotAt: z.string().nullable(),
  decisions: z.array(Decision),
  signedOff: z.object({ by: z.string(), at: z.string() }).nullable(),
  plan: z
    .object({
      madeAt: z.string(),
      ops: z.number().int(),
      outcome: z.string().nullable(),
      /** The queued plan's id: History has its outcome once it lands (absent in older records). */
      planId: z.string().optional(),
    })
    .nullable(),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

export class ReviewLockedError extends Error {
  constructor(name: string) {
    super(`The review "${name}" is signed off: its decisions can no longer change.`);
    this.name = 'ReviewLockedError';
  }
}

export const newReview = (id: string, name: string, reviewer: string, at: string, snapshotAt: string | null): ReviewRecord => ({
  id, name, reviewer, createdAt: at, snapshotAt, decisions: [], signedOff: null, plan: null,
});

/** Sets (or with `verdict: null` clears) the decision on one target; refused once signed off. */
export const decide = (
  r: ReviewRecord,
  target: ReviewTarget,
  verdict: 'keep' | 'remove' | null,
  at: string,
  note?: string,
): ReviewRecord => {
  if (r.signedOff) throw new ReviewLockedError(r.name);
  const key = targetKey(target);
  const rest = r.decisions.filter((d) => targetKey(d.target) !== key);
  const prev = r.decisions.find((d) => targetKey(d.target) === key);
  if (verdict === null) return { ...r, decisions: rest };
  const kept = note ?? prev?.note;
  return { ...r, decisions: [...rest, { target, verdict, at, ...(kept ? { note: kept } : {}) }] };
};

export const decisionOf = (r: ReviewRecord, target: ReviewTarget) => {
  const key = targetKey(target);
  return r.decisions.find((d) => targetKey(d.target) === key);
};

export const signOff = (r: ReviewRecord, by: string, at: string): ReviewRecord => {
  if (r.signedOff) throw new ReviewLockedError(r.name);
  return { ...r, signedOff: { by, at } };
};

/** The plan's outcome is recorded even after sign-off: it is history, not a decision. */
export const recordPlan = (r: ReviewRecord, madeAt: string, ops: number, outcome: string | null, planId?: string): ReviewRecord => ({
  ...r, plan: { madeAt, ops, outcome, ...(planId ? { planId } : {}) },
});

/** The outcome of a landed plan as the record keeps it: "applied 2 Dec 13:43: 2 applied, 1 failed". */
export const planOutcome = (appliedAt: string, statuses: readonly string[], time: (iso: string) => string): string => {
  const count = (s: string) => statuses.filter((x) => x === s).length;
  const parts = [['applied', count('applied')], ['unchanged', count('unchanged')], ['failed', count('failed')]] as const;
  return `applied ${time(appliedAt)}: ${parts.filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ')}`;
};
