import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { Planned } from '../../domain/groupPlans';

interface Props {
  mode: 'create' | 'rename';
  initial: string;
  /** Plans the change for a name, or explains why it is refused. */
  plan: (name: string) => Planned;
  onQueue: (planned: Extract<Planned, { ok: true }>) => Promise<void>;
  onClose: () => void;
}

/** Create or rename a group: the refusal (R1, R3, duplicate) is shown before anything is queued. */
export const GroupNameDialog = ({ mode, initial, plan, onQueue, onClose }: Props) => {
  const [name, setName] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const planned = plan(name);
  const title = mode === 'create' ? 'Create account group' : `Rename “${initial}”`;
  const submit = async () => {
    setTouched(true);
    if (!planned.ok) return;
    try {
      await onQueue(planned);
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="group-name-title" fullWidth maxWidth="sm">
      <DialogTitle id="group-name-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          The change is queued in the outbox and sent to the platform when it can be reached.
        </DialogContentText>
        <TextField
          autoFocus
          fullWidth
          label="Group name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setTouched(true);
          }}
          onKeyDown={(e) => e.key === 'Enter' && void submit()}
          error={touched && !planned.ok}
          helperText={touched && !planned.ok ? planned.reason : ' '}
        />
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={touched && !planned.ok}>
          {mode === 'create' ? 'Queue creation' : 'Queue rename'}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
