import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Resolution } from '../../../../shared/sync/reconcile';
import { theirsText } from './conflictView';
import { db } from '../../app/db';
import { resolveEntry } from '../../sync/outbox';
import { useAccessState } from '../../domain/accessState';
import { namesFrom } from '../../../../shared/plans/describe';
import { describeOp } from '../../../../shared/plans/registry';
import { fmt } from '../../app/format';

const SHOWN = 50;

/**
 * Conflicts: a queued change whose precondition no longer holds on the platform, with
 * both sides shown and the admin's choice — never a silent last-writer-wins.
 */
export const ConflictList = () => {
  const conflicts = useLiveQuery(async () => db.outbox.where('status').equals('conflict').sortBy('seq'), []) ?? [];
  const live = useAccessState();
  const [error, setError] = useState<string | null>(null);
  if (conflicts.length === 0) return null;
  const names = namesFrom(live?.state);
  const resolve = (id: string, how: Resolution) => resolveEntry(db, id, how).catch((e: Error) => setError(e.message));
  return (
    <Box component="section" aria-labelledby="conflicts-title" sx={{ my: 2 }}>
      <Typography id="conflicts-title" variant="h6" component="h3">
        Conflicts ({fmt(conflicts.length)})
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <Stack spacing={1} sx={{ mt: 1 }}>
        {conflicts.slice(0, SHOWN).map((e) => (
          <Paper key={e.id} variant="outlined" sx={{ p: 1.5 }} data-testid="conflict">
            <Typography variant="body2">
              <strong>Mine:</strong> {describeOp(e.args, names)}
            </Typography>
            <Typography variant="body2">
              <strong>Theirs:</strong> {e.conflict?.length ? theirsText(e.conflict, names) : (e.lastError ?? 'changed on the platform')}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <Button size="small" variant="contained" onClick={() => void resolve(e.id, 'keepMine')}>
                Keep mine
              </Button>
              <Button size="small" onClick={() => void resolve(e.id, 'takeTheirs')}>
                Take theirs
              </Button>
              <Button size="small" color="error" onClick={() => void resolve(e.id, 'drop')}>
                Drop
              </Button>
            </Stack>
          </Paper>
        ))}
        {conflicts.length > SHOWN && <Typography variant="body2">and {fmt(conflicts.length - SHOWN)} more</Typography>}
      </Stack>
    </Box>
  );
};
