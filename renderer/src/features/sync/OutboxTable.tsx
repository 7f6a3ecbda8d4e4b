import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { db } from '../../app/db';
import { countByStatus, filterOutbox, pendingByPlan, shownStatus, withdrawPlanSentence, type OutboxFilter, type ShownStatus } from './outboxView';
import { WithdrawPlanDialog } from './WithdrawPlanDialog';
import { VirtualTable } from '../../components/VirtualTable';
import { useAccessState } from '../../domain/accessState';
import { namesFrom } from '../../../../shared/plans/describe';
import { describeOp } from '../../../../shared/plans/registry';
import { roster } from '../../app/roster';
import { withdrawEntries } from '../../sync/withdraw';

// Colours with readable contrast in both themes: MUI's info and warning chips are not (axe).
const COLOR: Record<ShownStatus, 'default' | 'primary' | 'secondary' | 'success' | 'error'> = {
  pending: 'default',
  sending: 'primary',
  done: 'success',
  failed: 'error',
  conflict: 'secondary',
};

/** The outbox as queued in Dexie: every op in send order, its status, attempts and the platform's message. */
export const OutboxTable = () => {
  const entries = useLiveQuery(() => db.outbox.orderBy('seq').toArray(), []);
  const live = useAccessState();
  const [filter, setFilter] = useState<OutboxFilter>('open');
  const names = useMemo(() => namesFrom(live?.state), [live]);
  const rows = useMemo(() => filterOutbox(entries ?? [], filter), [entries, filter]);
  const counts = countByStatus(entries ?? []);
  const byPlan = useMemo(() => pendingByPlan(entries ?? []), [entries]);
  const [said, setSaid] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const planEntries = confirming ? (byPlan.get(confirming) ?? []) : [];
  // Withdraw (DESIGN.md "Plan files"): main is asked first; the screens read the outbox, so they update at once.
  const withdraw = async (id: string, what: string) => {
    try {
      const r = await withdrawEntries(db, roster(), [id]);
      setSaid(r.withdrawn.length ? { severity: 'success', text: `Withdrawn: ${what}` } : { severity: 'error', text: `Not withdrawn: ${r.refused[0]?.reason ?? 'unknown'}.` });
    } catch (e) {
      setSaid({ severity: 'error', text: `Not withdrawn: ${(e as Error).message}` });
    }
  };
  const withdrawPlan = async (ids: string[]) => {
    setConfirming(null);
    try {
      const r = await withdrawEntries(db, roster(), ids);
      const s = withdrawPlanSentence(ids.length, r.withdrawn.length, r.refused);
      setSaid({ severity: s.ok ? 'success' : 'error', text: s.text });
    } catch (e) {
      setSaid({ severity: 'error', text: `Not withdrawn: ${(e as Error).message}` });
    }
  };
  return (
    <Box component="section" aria-labelledby="outbox-title" sx={{ display: 'flex', flexDirection: 'column', minHeight: 320, flex: 1 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography id="outbox-title" variant="h6" component="h3">
          Outbox
        </Typography>
        <Typography variant="body2" data-testid="outbox-counts">
          {counts.pending} pending · {counts.sending} sending · {counts.failed} failed · {counts.conflict} in conflict · {counts.done} done
        </Typography>
        <Box sx={{ flex: 1 }} />
        <TextField select size="small" label="Show" value={filter} onChange={(e) => setFilter(e.target.value as OutboxFilter)} sx={{ minWidth: 180 }}>
          <MenuItem value="open">Not yet done</MenuItem>
          <MenuItem value="pending">Pending</MenuItem>
          <MenuItem value="failed">Failed</MenuItem>
          <MenuItem value="conflict">Conflicts</MenuItem>
          <MenuItem value="done">Done</MenuItem>
          <MenuItem value="all">All</MenuItem>
        </TextField>
      </Stack>
      {said && (
        <Alert severity={said.severity} onClose={() => setSaid(null)} sx={{ mb: 1 }} role="status">
          {said.text}
        </Alert>
      )}
      <VirtualTable
        label="Queued changes"
        idPrefix="outbox"
        rows={rows}
        rowKey={(e) => e.id}
        rowHeight={44}
        empty={filter === 'open' ? 'Nothing is waiting to be sent.' : 'No change with this status.'}
        columns={[
          { id: 'seq', header: '#', width: '56px', render: (e) => e.seq },
          { id: 'status', header: 'Status', width: '110px', render: (e) => <Chip size="small" color={COLOR[shownStatus(e.status)]} label={shownStatus(e.status)} /> },
          { id: 'op', header: 'Change', width: '4fr', render: (e) => <span title={describeOp(e.args, names)}>{describeOp(e.args, names)}</span> },
          { id: 'attempts', header: 'Attempts', width: '80px', render: (e) => e.attempts },
          { id: 'error', header: 'Platform message', width: '2.5fr', render: (e) => <span title={e.lastError ?? ''}>{e.lastError ?? '—'}</span> },
          { id: 'queued', header: 'Queued', width: '1.2fr', render: (e) => new Date(e.createdAt).toLocaleString() },
          {
            id: 'actions',
            header: 'Actions',
            width: '230px',
            render: (e) =>
              e.status === 'pending' ? (
                <>
                  <Button size="small" aria-label="Withdraw" onClick={(ev) => (ev.stopPropagation(), void withdraw(e.id, describeOp(e.args, names)))}>
                    Withdraw
                  </Button>
                  {(byPlan.get(e.planId)?.length ?? 0) > 1 && (
                    <Button size="small" aria-haspopup="dialog" onClick={(ev) => (ev.stopPropagation(), setConfirming(e.planId))}>
                      Withdraw plan
                    </Button>
                  )}
                </>
              ) : null,
          },
        ]}
      />
      {confirming && planEntries.length > 0 && (
        <WithdrawPlanDialog
          lines={planEntries.map((e) => describeOp(e.args, names))}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void withdrawPlan(planEntries.map((e) => e.id))}
        />
      )}
    </Box>
  );
};
