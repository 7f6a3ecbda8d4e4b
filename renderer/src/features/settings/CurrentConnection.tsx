import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { connectionLabel, offlineChipSx } from '../../app/ConnectionBadge';
import { useRetry } from '../../app/ConnectionError';
import { useConnection } from '../../app/connectionStore';

/** Why the platform cannot be reached (or what it answered), when the app tries again, and a Retry that tries now. */
const ConnectionProblem = ({ error, offline }: { error: string; offline: boolean }) => {
  const { seconds, refreshing, retry } = useRetry(offline);
  return (
    <Alert
      severity={offline ? 'warning' : 'error'}
      sx={{ mt: 1 }}
      data-testid="settings-connection-problem"
      action={
        <Button color="inherit" size="small" disabled={refreshing} onClick={retry}>
          Retry
        </Button>
      }
    >
      <AlertTitle>{offline ? 'Offline — showing cached data' : 'The platform answered with an error'}</AlertTitle>
      <Typography variant="body2" data-testid="settings-connection-reason" sx={{ wordBreak: 'break-word' }}>
        {error}
      </Typography>
      {offline && seconds !== null && (
        <Typography variant="body2" data-testid="settings-retry-countdown" sx={{ mt: 0.5 }}>
          {refreshing ? 'Trying again now…' : `Trying again in ${seconds} s.`}
        </Typography>
      )}
    </Alert>
  );
};

/** The live connection, as the app bar has it: Settings never says more (or less) than is true now. */
export const CurrentConnection = () => {
  const state = useConnection();
  const { info, lastError, workOffline } = state;
  const online = workOffline ? false : state.online;
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 3 }} component="section" aria-labelledby="current-connection">
      <Typography id="current-connection" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Current connection
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
        <Chip data-testid="settings-online" size="small" color={online ? 'success' : online === false ? 'warning' : 'default'} label={connectionLabel(state)}
          sx={online === false ? offlineChipSx : undefined} />
        <Typography variant="body2" data-testid="settings-current">
          {info ? `${info.mode === 'embedded' ? 'Embedded platform' : 'Platform'} ${info.url} as ${info.user || '—'}` : 'Asking main…'}
        </Typography>
      </Stack>
      {workOffline ? (
        <Alert severity="info" sx={{ mt: 1 }} data-testid="settings-working-offline">
          Working offline: changes stay queued until you go back online.
        </Alert>
      ) : (
        lastError && <ConnectionProblem error={lastError} offline={online === false} />
      )}
    </Paper>
  );
};
