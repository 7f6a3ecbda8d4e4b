import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { describeOp } from '../../../shared/plans/registry';
import type { Names } from '../../../shared/plans/describe';
import type { PlanOp } from '../../../shared/plans/types';
import { db } from '../app/db';
import { enqueuePlan } from '../sync/outbox';
import { AccessDiff } from './AccessDiff';
import { costSentence, planCalls, whenSent } from '../domain/planCost';
import type { SkippedAccount } from '../domain/groupPlans';
import { isOnlineNow } from '../app/connectionStore';
import { fmt, plural } from '../app/format';
import type { WhatIfSummary } from '../domain/accessPreview';
import { ApplyReason, LockoutGate, useApplyAction, useApplyGate } from './ApplyGate';
import { PlanNotices, useNotifyChoice } from './PlanNotices';
import { withNotifyUser } from '../../../shared/plans/notify';
import { RuleText } from './RuleText';
import { useBehavesAsVendor } from '../app/capabilities';

export interface PlanPreviewDialogProps {
  title: string;
  ops: PlanOp[];
  /** Why a rule refuses the whole plan (R2, R3, …): said in place of what would change, and nothing can be applied. */
  refusal?: string | undefined;
  /** Accounts the gesture named that the plan leaves out, each with its reason. */
  skipped?: readonly SkippedAccount[] | undefined;
  /** How the ops' groups, accounts, roles and users are named: from the view the plan was made from. */
  names: Names;
  /** Said at the top, above the lock-out gate, e.g. the R20 warning before a role is unshared. */
  warning?: string | undefined;
  applyLabel?: string | undefined;
  onClose: () => void;
  /** Called once the plan is in the outbox (with its plan id); the caller shows its banner. */
  onQueued: (summary: string, planId: string) => void;
}

const NO_SKIPPED: readonly SkippedAccount[] = [];
const SKIPPED_NAMED = 5;

/**
 * The one preview of a plan before it is queued (DESIGN.md, Edit), in every area: what will
 * change, each op in its module's words; what is skipped and why; the access diff (what-if on
 * confirmed ⊕ pending, off the UI thread); and one gate on Apply — disabled, with its reason said
 * beside it, until the diff is known, while a rule refuses the plan, and until the lock-outs
 * listed at the top (R13, R20) are confirmed.
 */
export const PlanPreviewDialog = (p: PlanPreviewDialogProps) => {
  const { title, ops, refusal, names, warning, applyLabel, onClose, onQueued } = p;
  const skipped = p.skipped ?? NO_SKIPPED;
  const [diff, setDiff] = useState<WhatIfSummary | null>(null);
  // What the platform does beyond access (e-mails, new users) is said as this platform does it.
  const vendor = useBehavesAsVendor();
  const lines = useMemo(() => ops.map((op) => describeOp(op, { ...names, vendor })), [ops, names, vendor]);
  const choice = useNotifyChoice();
  const { busy, error, apply } = useApplyAction(async () => {
    // The notification choice travels with the queued ops (notifyUser): no e-mail unless ticked.
    const { planId } = await enqueuePlan(db, withNotifyUser(ops, choice.notify));
    onQueued(`Queued: ${title}. ${whenSent(isOnlineNow())}`, planId);
  }, onClose);
  const planned = refusal === undefined;
  const gate = useApplyGate(diff, planned && ops.length > 0, busy);
  return (
    <Dialog open onClose={onClose} aria-labelledby="plan-preview-title" fullWidth maxWidth="md">
      <DialogTitle id="plan-preview-title">
        Preview: {title}
        {planned && ` · ${costSentence(ops)}`}
      </DialogTitle>
      <DialogContent dividers>
        {refusal !== undefined && <Alert severity="error">{refusal}</Alert>}
        {warning && (
          <Alert severity="warning" sx={{ mb: 1 }}>
            <RuleText text={warning} />
          </Alert>
        )}
        <LockoutGate diff={diff} gate={gate} />
        <PlanNotices diff={diff} choice={choice} vendor={vendor} />
        {planned && (
          <>
            <Typography variant="subtitle1" component="h3">
              What will change
            </Typography>
            <List dense aria-label="Planned changes" data-testid="plan-ops">
              {lines.map((l, i) => (
                <ListItem key={i}>
                  <ListItemText primary={l} />
                </ListItem>
              ))}
            </List>
            {skipped.length > 0 && (
              <Alert severity="info" sx={{ my: 1 }}>
                {fmt(skipped.length)} skipped:{' '}
                {skipped
                  .slice(0, SKIPPED_NAMED)
                  .map((s) => `${names.account(s.accountId)} (${s.reason})`)
                  .join('; ')}
                {skipped.length > SKIPPED_NAMED ? ` and ${fmt(skipped.length - SKIPPED_NAMED)} more` : ''}
              </Alert>
            )}
            <AccessDiff ops={ops} onDiff={setDiff} />
          </>
        )}
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <ApplyReason gate={gate} />
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void apply()} disabled={!gate.enabled} aria-describedby={gate.reason ? 'apply-reason' : undefined}>
          {applyLabel ?? `Apply (queue ${plural(planCalls(ops), 'change')})`}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
