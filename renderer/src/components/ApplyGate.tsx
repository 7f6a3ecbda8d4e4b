import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { fmt } from '../app/format';
import { lockedUsers, lockoutCount, type DiffGate } from '../domain/planGate';

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
          ? 'Confirm the lock-outs at the top to apply.'
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

/** The warning and its confirmation, shown at the top of the preview. */
export const LockoutGate = ({ diff, gate }: { diff: DiffGate | null; gate: ApplyGate }) => {
  if (!diff || gate.lockouts === 0 || diff.refused.length > 0) return null;
  return (
    <Alert severity="error" sx={{ mb: 1 }} data-testid="lockout-gate">
      <Typography variant="body2" data-testid="locked-users">
        Users left with no roles (R13, R20): {lockedUsers(diff)}
      </Typography>
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
