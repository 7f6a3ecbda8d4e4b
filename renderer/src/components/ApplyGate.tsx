import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import type { UserGroup } from '../../../shared/plans';
import { fmt, plural } from '../app/format';
import type { WhatIfSummary } from '../domain/accessPreview';
import { lockoutCount, type DiffGate } from '../domain/planGate';
import { PREVIEW_ROW, Sized, personColumn } from './DiffTables';
import { SortedTable, type Column } from './VirtualTable';

/**
 * The one lock-out gate of every preview (Groups, Resources, Explorer, Partner): Apply stays
 * disabled until the access diff is known — a fast click or Enter must not skip the check — and
 * while a rule refuses the plan; a plan that leaves anyone with no roles needs its confirmation
 * ticked (R13, R20). The reason Apply is disabled is always said next to it.
 */
export interface ApplyGate {
  enabled: boolean;
  /** Why Apply is disabled; null when it is enabled. */
  reason: string | null;
  lockouts: number;
  confirmed: boolean;
  setConfirmed: (v: boolean) => void;
}

export const applyGateOf = (diff: DiffGate | null, o: { planned: boolean; busy: boolean; confirmed: boolean }): Omit<ApplyGate, 'setConfirmed' | 'confirmed'> => {
  const lockouts = diff ? lockoutCount(diff) : 0;
  const reason = !o.planned
    ? 'Nothing to apply.'
    : diff === null
      ? 'Checking who gains and loses access…'
      : diff.refused.length > 0
        ? 'A rule refuses this plan (see above).'
        : lockouts > 0 && !o.confirmed
          ? `Confirm the ${plural(lockouts, 'lock-out')} above to apply.`
          : o.busy
            ? 'Queuing…'
            : null;
  return { enabled: reason === null, reason, lockouts };
};

/** Apply's action in every preview: busy while it runs, closes on success, keeps the dialog open with the error otherwise. */
export const useApplyAction = (run: () => Promise<void>, onClose: () => void) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const apply = async () => {
    setBusy(true);
    try {
      await run();
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return { busy, error, apply };
};

export const useApplyGate = (diff: DiffGate | null, planned: boolean, busy: boolean): ApplyGate => {
  const [confirmed, setConfirmed] = useState(false);
  return { ...applyGateOf(diff, { planned, busy, confirmed }), confirmed, setConfirmed };
};

const lockedColumns = (names: Record<string, string> | undefined): Column<UserGroup>[] => [
  personColumn('User left with no roles', 'minmax(260px, 1fr)', (u) => names?.[u.userId] ?? u.userId, (u) => u.userId),
  { id: 'accounts', header: 'Accounts', width: '110px', render: (u) => fmt(u.accounts), sortKey: (u) => u.accounts },
];

/**
 * The warning and its confirmation, at the top of every preview: who is left with no roles
 * (R13, R20), as a table of users most affected first, and the checkbox Apply waits for.
 */
export const LockoutGate = ({ diff, gate }: { diff: WhatIfSummary | null; gate: ApplyGate }) => {
  const names = diff?.userNames;
  const columns = useMemo(() => lockedColumns(names), [names]);
  if (!diff || gate.lockouts === 0 || diff.refused.length > 0) return null;
  const users = diff.digest.lockedOut;
  return (
    <Alert severity="error" sx={{ mb: 1, '& .MuiAlert-message': { flex: 1, minWidth: 0 } }} data-testid="lockout-gate" role="region" aria-label="Lock-outs">
      <AlertTitle data-testid="lockouts">
        {fmt(gate.lockouts)} locked out: {plural(users.length, 'user')} left with no roles
      </AlertTitle>
      <Sized rows={users.length} max={5} sx={{ bgcolor: 'background.paper' }} testId="locked-users">
        <SortedTable label="Users locked out" idPrefix="locked-users" rows={users} rowKey={(u) => u.userId} columns={columns} rowHeight={PREVIEW_ROW} />
      </Sized>
      <FormControlLabel
        sx={{ mt: 0.5 }}
        control={<Checkbox checked={gate.confirmed} onChange={(e) => gate.setConfirmed(e.target.checked)} />}
        label={`I have checked the list: ${fmt(gate.lockouts)} user–account pair${gate.lockouts === 1 ? '' : 's'} will be left with no roles and locked out.`}
      />
    </Alert>
  );
};

/** Said beside Apply while it is disabled. */
export const ApplyReason = ({ gate }: { gate: ApplyGate }) =>
  gate.reason ? (
    <Typography id="apply-reason" variant="body2" color="text.secondary" sx={{ flex: 1, px: 1 }} data-testid="apply-reason">
      {gate.reason}
    </Typography>
  ) : null;
