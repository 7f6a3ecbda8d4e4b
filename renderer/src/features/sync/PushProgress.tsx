import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PushStatus } from '../../../../shared/ipc';
import { roster } from '../../app/roster';
import { percent, pushSummary } from './pushView';

/** Main's push engine as it runs: progress with rate and ETA, pause / resume / cancel. */
export const PushProgress = () => {
  const [status, setStatus] = useState<PushStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const bridge = roster();
    const off = bridge.on('sync.progress', setStatus);
    bridge.invoke('sync.status', undefined).then(setStatus, (e: Error) => setError(e.message));
    return off;
  }, []);
  const control = (action: 'pause' | 'resume' | 'cancel') =>
    roster()
      .invoke('sync.control', { action })
      .then(setStatus, (e: Error) => setError(e.message));
  return (
    <Box component="section" aria-labelledby="push-title" sx={{ my: 2, maxWidth: 720 }}>
      <Typography id="push-title" variant="h6" component="h3">
        Sending to the platform
      </Typography>
      {status && (
        <>
          {/* No bar for an empty queue: MUI's tinted track alone reads as a full bar. Where there is
              one, its track is grey, so "0 of 12 sent" looks empty. */}
          {status.total > 0 && (
            <LinearProgress
              variant="determinate"
              value={percent(status)}
              aria-label="Push progress"
              sx={{ my: 1, height: 8, borderRadius: 4, bgcolor: 'action.selected', '& .MuiLinearProgress-bar': { borderRadius: 4 } }}
            />
          )}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mt: status.total > 0 ? 0 : 1 }}>
            <Typography variant="body2" role="status" aria-live="polite" data-testid="push-summary" sx={{ flex: 1 }}>
              {pushSummary(status)}
            </Typography>
            {status.paused ? (
              <Button size="small" onClick={() => void control('resume')}>
                Resume
              </Button>
            ) : (
              <Button size="small" onClick={() => void control('pause')} disabled={status.total === 0 || status.done >= status.total}>
                Pause
              </Button>
            )}
            <Button size="small" color="error" onClick={() => void control('cancel')} disabled={status.total === 0 || status.done >= status.total}>
              Cancel
            </Button>
          </Stack>
        </>
      )}
      {error && (
        <Alert severity="info" sx={{ mt: 1 }}>
          Push status unavailable: {error}
        </Alert>
      )}
    </Box>
  );
};
