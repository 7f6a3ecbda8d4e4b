import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccessState } from '../../../../shared/access';
import { decisionsToPlan, describeTarget, planOutcome, removesLeft, targetKey } from '../../../../shared/review';
import { db } from '../../app/db';
import { PlanPreviewDialog } from '../../components/PlanPreviewDialog';
import { namesFrom } from '../../../../shared/plans/describe';
import { notePlan, notePlanOutcome, signOffReview, updateReview } from './store';
import { useReviews } from './useReview';
import { download } from './exports';
import { DecisionNote } from './DecisionNote';
import { LastChanged, dayTime } from './LastChanged';

/** A queued plan's outcome in the record until History has the landed one. */
const QUEUED = 'queued';

/** The open review: its decisions, Make plan (the removes → the usual preview → Apply), Sign off. */
export const DecisionsView = ({ s }: { s: AccessState }) => {
  const reviews = useReviews();
  const review = reviews?.find((r) => !r.signedOff) ?? reviews?.[0];
  const [planOpen, setPlanOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Only the removes whose rows are still there (queued changes included): once the review's plan
  // is queued or has landed, making it again would change nothing.
  const left = useMemo(() => (review ? removesLeft(s, review.decisions) : []), [s, review]);
  const ops = useMemo(() => decisionsToPlan(left), [left]);
  const [reviewer, setReviewer] = useState<string | null>(null);
  // Once the review's plan lands, History has its outcome: the record keeps it.
  const planId = review?.plan?.planId;
  const landed = useLiveQuery(async () => (planId ? ((await db.history.get(planId)) ?? null) : null), [planId]);
  const outcome = landed ? planOutcome(landed.appliedAt, landed.ops.map((o) => o.status), dayTime) : null;
  useEffect(() => {
    if (review && outcome && review.plan?.outcome !== outcome) void notePlanOutcome(db, review.id, outcome);
  }, [review, outcome]);
  if (!review) return <Typography color="text.secondary">No review yet: mark rows Keep or Remove in an account or a compare.</Typography>;
  const removes = review.decisions.filter((d) => d.verdict === 'remove').length;
  const planReason = makePlanReason(removes, left.length, review.plan);
  return (
    <Stack spacing={1.5} component="section" aria-label="Review decisions">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h3">{review.name}</Typography>
        {review.signedOff && <Chip color="success" label={`Signed off by ${review.signedOff.by}`} />}
        {review.plan && <Chip label={`Plan: ${review.plan.outcome ?? `${review.plan.ops} ops queued`}`} />}
      </Stack>
      <TextField size="small" label="Reviewer" value={reviewer ?? review.reviewer} disabled={!!review.signedOff} sx={{ maxWidth: 320 }}
        onChange={(e) => {
          const v = e.target.value;
          setReviewer(v);
          void updateReview(db, review.id, (r) => ({ ...r, reviewer: v }));
        }} />
      <Typography variant="body2">{review.decisions.length} decisions · {removes} to remove</Typography>
      <Stack component="ul" aria-label="Decisions" sx={{ m: 0, pl: 2 }}>
        {review.decisions.map((d) => (
          <li key={targetKey(d.target)}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', py: 0.5 }}>
              <Typography variant="body2" sx={{ minWidth: 280 }}>{d.verdict === 'remove' ? 'Remove' : 'Keep'}: {describeTarget(s, d.target)}{review.signedOff && d.note ? ` — ${d.note}` : ''}</Typography>
              {!review.signedOff && <DecisionNote open={review} target={d.target} label={describeTarget(s, d.target)} />}
            </Stack>
            <LastChanged subject={d.target} />
          </li>
        ))}
      </Stack>
      <Stack direction="row" spacing={1}>
        {/* Disabled with the reason said (a disabled button shows no tooltip, so it is described). */}
        <Button variant="contained" disabled={ops.length === 0} aria-describedby={planReason ? 'make-plan-reason' : undefined} onClick={() => setPlanOpen(true)}>
          {review.plan && left.length > 0 ? `Make plan of what is left (${left.length})` : 'Make plan'}
        </Button>
        <Button variant="outlined" disabled={!!review.signedOff || !(reviewer ?? review.reviewer).trim()} onClick={() => void signOffReview(db, review.id, reviewer ?? review.reviewer)}>Sign off</Button>
        <Button onClick={() => download(`${review.name.replace(/[^\w.-]+/g, '_')}.review.json`, JSON.stringify(review, null, 2), 'application/json')}>Export review record</Button>
      </Stack>
      {planReason && <Typography id="make-plan-reason" variant="body2" color="text.secondary">{planReason}</Typography>}
      {notice && <Alert severity="success">{notice}</Alert>}
      {planOpen && (
        <PlanPreviewDialog
          title={`${review.name}: ${left.length} removes`}
          ops={ops}
          names={namesFrom(s)}
          onClose={() => setPlanOpen(false)}
          onQueued={(summary, queuedId) => {
            setNotice(summary);
            void notePlan(db, review.id, ops.length, QUEUED, queuedId);
          }}
        />
      )}
    </Stack>
  );
};

/** Why Make plan is disabled, or null when there are removes left to make. */
const makePlanReason = (removes: number, left: number, plan: { ops: number; outcome: string | null } | null): string | null => {
  if (left > 0) return null;
  if (removes === 0) return 'Mark rows Remove to make a plan.';
  if (plan?.outcome && plan.outcome !== QUEUED) return `Nothing left to remove: the review’s plan removed it all (${plan.outcome}).`;
  if (plan) return `Nothing left to remove: the review’s plan is queued (${plan.ops} ${plan.ops === 1 ? 'op' : 'ops'}) and is sent when online.`;
  return 'Nothing left to remove: every row marked Remove is already gone.';
};
