import type { AccessState } from '../access';
import { whatIfTotals } from '../plans';
import { decisionsToPlan, type ReviewTarget } from './decisions';

/** What removing one reviewed row would do (the context a reviewer sees beside Keep/Remove). */
export interface RemovalEffect {
  /** User × account pairs that lose a role or privilege. */
  losses: number;
  /** R13: pairs that could log in before and cannot after (R18, R20 among them). */
  lockedOut: number;
  /** The first lock-outs, for naming them. */
  lockedOutPairs: { userId: string; accountId: string }[];
  /** Why the platform would refuse the removal, when it would (e.g. R3: All Accounts). */
  refused: string[];
}

const SHOWN = 5;

/** The removal as the plan it would become, run through the what-if of the previews. */
export const removalEffect = (s: AccessState, target: ReviewTarget): RemovalEffect => {
  const w = whatIfTotals(s, decisionsToPlan([{ target, verdict: 'remove', at: '' }]), SHOWN);
  return { losses: w.totals.losses, lockedOut: w.totals.lockedOut, lockedOutPairs: w.lockedOut, refused: w.refused.map((r) => r.reason) };
};
