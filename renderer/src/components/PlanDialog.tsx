import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { PlanOp } from '../../../shared/plans/types';
import { db } from '../app/db';
import { enqueuePlan } from '../cache';
import { AccessDiff } from './AccessDiff';
import { lockedUsers, lockoutCount, type DiffGate } from '../domain/planGate';

export interface PlanDialogProps {
  title: string;
  ops: PlanOp[];
  /** One sentence per op (describePlanOp). */
  lines: string[];
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
 * thread), whose result also gates Apply here: refused plans
 * cannot be applied, and a plan that locks anyone out needs an explicit confirmation (R13, R20).
 */
export const PlanDialog = ({ title, ops, lines, warning, applyLabel, onClose, onQueued }: PlanDialogProps) => {
  const [diff, setDiff] = useState<DiffGate | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refused = (diff?.refused.length ?? 0) > 0;
  const lockouts = diff ? lockoutCount(diff) : 0;
  const canApply = diff !== null && !refused && (lockouts === 0 || confirmed) && !busy;
  const apply = async () => {
    setBusy(true);
    try {
      const { planId } = await enqueuePlan(db, ops);
      onQueued(`Queued: ${title}. It will be sent to the platform when online.`, planId);
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="plan-dialog-title" fullWidth maxWidth="md">
      <DialogTitle id="plan-dialog-title">Preview: {title}</DialogTitle>
      <DialogContent dividers>
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
        {warning && (
          <Alert severity="warning" sx={{ my: 1 }}>
            {warning}
          </Alert>
        )}
        <AccessDiff ops={ops} onDiff={(d) => setDiff(d)} />
        {lockouts > 0 && !refused && diff && (
          <Alert severity="error" icon={false} sx={{ mt: 1 }} data-testid="locked-users">
            Users left with no roles (R13, R20): {lockedUsers(diff)}
          </Alert>
        )}
        {lockouts > 0 && !refused && (
          <FormControlLabel
            sx={{ mt: 1 }}
            control={<Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />}
            label={`I have checked the list: ${lockouts.toLocaleString()} user–account pair${lockouts === 1 ? '' : 's'} will be left with no roles and locked out.`}
          />
        )}
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void apply()} disabled={!canApply}>
          {applyLabel ?? `Apply (queue ${ops.length} change${ops.length === 1 ? '' : 's'})`}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
