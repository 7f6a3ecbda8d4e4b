import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import { useConnection } from './connectionStore';

/** Online / offline state and the platform URL, always visible in the app bar. */
export const ConnectionBadge = () => {
  const { info, online: reachable, refreshing, progress, lastError, workOffline } = useConnection();
  // Working offline on purpose reads as offline everywhere, with its own label.
  const online = workOffline ? false : reachable;
  const label = workOffline ? 'Working offline' : online === null ? 'Connecting…' : online ? 'Online' : 'Offline';
  const icon = online === null ? <SyncIcon /> : online ? <CloudDoneIcon /> : <CloudOffIcon />;
  const detail = workOffline ? 'changes stay queued until you go back online' : online === false ? `showing cached data${lastError ? ` (${lastError})` : ''}` : refreshing && progress ? `refreshing ${progress.done}/${progress.total}` : '';
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0 }} role="status" aria-live="polite" aria-label={`Connection: ${label}`}>
      <Chip
        data-testid="connection-state"
        icon={icon}
        label={label}
        color={online === null ? 'default' : online ? 'success' : 'warning'}
        size="small"
        sx={{ fontWeight: 600 }}
      />
      {info && (
        <Typography variant="body2" sx={{ opacity: 0.9 }} noWrap title={info.url}>
          {info.mode === 'embedded' ? 'Embedded platform' : 'Platform'} · {info.url}
        </Typography>
      )}
      {detail && (
        <Typography variant="body2" sx={{ opacity: 0.9, maxWidth: 360 }} noWrap title={detail}>
          {detail}
        </Typography>
      )}
    </Stack>
  );
};
