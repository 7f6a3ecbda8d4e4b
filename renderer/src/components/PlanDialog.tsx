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
import type { AccessState } from '../../../shared/access';
import { describeOp } from '../../../shared/plans/registry';
import { namesFrom } from '../../../shared/plans/describe';
import type { PlanOp } from '../../../shared/plans/types';
import { db } from '../app/db';
import { enqueuePlan } from '../sync/outbox';
import { AccessDiff } from './AccessDiff';
import { costSentence, planCalls, whenSent } from '../domain/planCost';
import { isOnlineNow } from '../app/connectionStore';
import { plural } from '../app/format';
import type { WhatIfSummary } from '../domain/accessPreview';
import { ApplyReason, LockoutGate, useApplyAction, useApplyGate } from './ApplyGate';
import { PlanNotices, useNotifyChoice } from './PlanNotices';
import { withNotifyUser } from '../../../shared/plans/notify';
import { RuleText } from './RuleText';

export interface PlanDialogProps {
  title: string;
  ops: PlanOp[];
  /** The view the plan was made from: it names the groups, accounts, roles and users in the ops' sentences. */
  state: AccessState | undefined;
  /** Said above the diff, e.g. the R20 warning. */
  warning?: string;
  applyLabel?: string;
  onClose: () => void;
  /** Called once the plan is in the outbox (with its plan id); the caller shows its banner. */
  onQueued: (summary: string, planId: string) => void;
}

/**
 * Plan → preview → Apply for the Resources, Explorer and Partner areas (DESIGN.md, Edit). The
 * access diff is the Groups area's AccessDiff (what-if on confirmed ⊕ pending, off the UI
 * thread), whose result gates Apply through the one ApplyGate every preview uses.
 */
export const PlanDialog = ({ title, ops, state, warning, applyLabel, onClose, onQueued }: PlanDialogProps) => {
  const [diff, setDiff] = useState<WhatIfSummary | null>(null);
  // Each op in its module's words, the same as in the Groups preview, the outbox and History.
  const lines = useMemo(() => ops.map((op) => describeOp(op, namesFrom(state))), [ops, state]);
  const choice = useNotifyChoice();
  const { busy, error, apply } = useApplyAction(async () => {
    // The notification choice travels with the queued ops (notifyUser): no e-mail unless ticked.
    const { planId } = await enqueuePlan(db, withNotifyUser(ops, choice.notify));
    onQueued(`Queued: ${title}. ${whenSent(isOnlineNow())}`, planId);
  }, onClose);
  const gate = useApplyGate(diff, ops.length > 0, busy);
  return (
    <Dialog open onClose={onClose} aria-labelledby="plan-dialog-title" fullWidth maxWidth="md">
      <DialogTitle id="plan-dialog-title">
        Preview: {title} · {costSentence(ops)}
      </DialogTitle>
      <DialogContent dividers>
        {warning && (
          <Alert severity="warning" sx={{ mb: 1 }}>
            <RuleText text={warning} />
          </Alert>
        )}
        <LockoutGate diff={diff} gate={gate} />
        <PlanNotices diff={diff} choice={choice} />
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
        <AccessDiff ops={ops} onDiff={(d) => setDiff(d)} />
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
