import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
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
import { db } from '../../app/db';
import type { PlanOp } from '../../../../shared/plans/types';
import { describeOp } from '../../../../shared/plans/registry';
import type { Names } from '../../../../shared/plans/describe';
import type { GroupRow } from './data';
import type { PlanPreview } from './uiStore';
import type { SkippedAccount } from '../../domain/groupPlans';
import { AccessDiff } from '../../components/AccessDiff';
import type { WhatIfSummary } from '../../domain/accessPreview';
import { fmt, plural } from '../../app/format';
import { costSentence, planCalls } from '../../domain/planCost';
import { ApplyReason, LockoutGate, useApplyAction, useApplyGate } from '../../components/ApplyGate';
import { PlanNotices, useNotifyChoice } from '../../components/PlanNotices';
import { withNotifyUser } from '../../../../shared/plans/notify';

const NAMED = 50;
const NO_OPS: PlanOp[] = [];
const NO_SKIPPED: SkippedAccount[] = [];

/** Only the names the dialog prints are looked up: a 20,000-account plan stays instant. */
const useAccountNames = (ops: PlanOp[], skippedIds: string[]) =>
  useLiveQuery(async () => {
    const ids = [...ops.flatMap((o) => ('accountIds' in o ? o.accountIds.slice(0, NAMED) : [])), ...skippedIds.slice(0, NAMED)];
    const rows = await db.Account.bulkGet(ids);
    return new Map(ids.map((id, i) => [id, rows[i]?.name ?? id]));
  }, [ops, skippedIds]);

interface Props {
  preview: PlanPreview;
  groups: GroupRow[];
  onApply: (ops: PlanOp[]) => Promise<void>;
  onClose: () => void;
}

/** Every plan is shown before it is queued (DESIGN.md, Edit): what changes, what is skipped and why. */
export const PlanPreviewDialog = ({ preview, groups, onApply, onClose }: Props) => {
  const [diff, setDiff] = useState<WhatIfSummary | null>(null);
  const { planned } = preview;
  const ops = planned.ok ? planned.ops : NO_OPS;
  const skipped = planned.ok ? planned.skipped : NO_SKIPPED;
  // Stable inputs: a fresh array per render would re-run the live query on every render.
  const skippedIds = useMemo(() => skipped.map((s) => s.accountId), [skipped]);
  const names = useAccountNames(ops, skippedIds);
  const roles = useLiveQuery(() => db.Role.toArray(), []);
  // Ops are put into words by their modules (shared/plans/ops), the same as on every other screen.
  const lookup: Names = {
    group: (id: string) => groups.find((g) => g.id === id)?.name ?? id,
    account: (id: string) => names?.get(id) ?? id,
    role: (id: string) => roles?.find((r) => r.id === id)?.name ?? id,
    user: (id: string) => id,
    service: (id: string) => id,
  };
  // Apply waits for the diff; a refused op (say R3) blocks it; lock-outs (R13) need their confirmation.
  const choice = useNotifyChoice();
  // The notification choice travels with the queued ops (notifyUser): no e-mail unless ticked.
  const { busy, error, apply } = useApplyAction(() => onApply(withNotifyUser(ops, choice.notify)), onClose);
  const gate = useApplyGate(diff, planned.ok && ops.length > 0, busy);
  return (
    <Dialog open onClose={onClose} aria-labelledby="plan-preview-title" fullWidth maxWidth="md">
      <DialogTitle id="plan-preview-title">
        Preview: {preview.title}
        {planned.ok && ` · ${costSentence(ops)}`}
      </DialogTitle>
      <DialogContent dividers>
        {!planned.ok && <Alert severity="error">{planned.reason}</Alert>}
        <LockoutGate diff={diff} gate={gate} />
        <PlanNotices diff={diff} choice={choice} />
        {planned.ok && (
          <>
            <Typography variant="subtitle1" component="h3">
              What will change
            </Typography>
            <List dense aria-label="Planned changes" data-testid="plan-ops">
              {ops.map((op, i) => (
                <ListItem key={i}>
                  <ListItemText primary={describeOp(op, lookup)} />
                </ListItem>
              ))}
            </List>
            {skipped.length > 0 && (
              <Alert severity="info" sx={{ my: 1 }}>
                {fmt(skipped.length)} skipped:{' '}
                {skipped.slice(0, 5).map((s) => `${lookup.account(s.accountId)} (${s.reason})`).join('; ')}
                {skipped.length > 5 ? ` and ${fmt(skipped.length - 5)} more` : ''}
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
          {`Apply (queue ${plural(planCalls(ops), 'change')})`}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
