import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import { useLiveQuery } from 'dexie-react-hooks';
import { cacheAsOf, clockTime } from '../cache';
import { db } from './db';
import { useConnection, type ConnectionState } from './connectionStore';
import { ConnectionError } from './ConnectionError';
import { useRoute } from './routeStore';

/** Offline: the light warning shade with dark text (white on MUI's warning orange is 3:1, under AA's 4.5:1). */
export const offlineChipSx = { bgcolor: 'warning.light', color: 'rgba(0, 0, 0, 0.87)', '& .MuiChip-icon': { color: 'inherit' } } as const;

/** The chip's words: during a refresh before any answer it counts the steps ("Refreshing 3/16"), never "Connecting…". */
export const connectionLabel = (s: Pick<ConnectionState, 'online' | 'refreshing' | 'progress' | 'workOffline'>): string => {
  if (s.workOffline) return 'Working offline';
  if (s.online === null) return s.refreshing ? (s.progress ? `Refreshing ${s.progress.done}/${s.progress.total}` : 'Refreshing…') : 'Connecting…';
  return s.online ? 'Online' : 'Offline';
};

/** "as of 09:41": how old the data on screen is, on every screen; live as refreshes write the cache. */
const DataAge = () => {
  const asOf = useLiveQuery(() => cacheAsOf(db), []);
  if (asOf === undefined) return null;
  return (
    <Typography variant="body2" data-testid="data-age" noWrap sx={{ opacity: 0.9, flexShrink: 0 }} title={asOf ? `Data as of ${new Date(asOf).toLocaleString()}` : undefined}>
      {asOf ? `as of ${clockTime(asOf)}` : 'not yet refreshed'}
    </Typography>
  );
};

/** Online / offline state, the platform, the data's age and what went wrong, always visible in the app bar. */
export const ConnectionBadge = () => {
  const state = useConnection();
  const { info, refreshing, progress, lastError, workOffline } = state;
  // Working offline on purpose reads as offline everywhere, with its own label.
  const online = workOffline ? false : state.online;
  const label = connectionLabel(state);
  const icon = online === null ? <SyncIcon /> : online ? <CloudDoneIcon /> : <CloudOffIcon />;
  const detail = workOffline
    ? 'changes stay queued until you go back online'
    : online === false
      ? 'showing cached data'
      : online && refreshing && progress
        ? `Refreshing ${progress.done}/${progress.total}`
        : '';
  const go = useRoute((s) => s.go);
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0, flex: 1 }}>
      {/* Only the state is announced: the retry countdown beside it ticks every second. */}
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0, flexShrink: 0 }} role="status" aria-live="polite" aria-label={`Connection: ${label}`}>
        <Chip data-testid="connection-state" icon={icon} label={label} color={online === null ? 'default' : online ? 'success' : 'warning'} size="small"
          sx={[{ fontWeight: 600 }, online === false && offlineChipSx]} />
        {detail && (
          <Typography variant="body2" sx={{ opacity: 0.9 }} noWrap>
            {detail}
          </Typography>
        )}
      </Stack>
      <DataAge />
      {!workOffline && lastError && <ConnectionError error={lastError} offline={online === false} />}
      {info?.mode === 'embedded' ? (
        // The embedded platform holds the worked example, not the admin's accounts: say so, and where to change it.
        <Button size="small" color="inherit" data-testid="sample-data" title={`Embedded platform · ${info.url}`} onClick={() => go({ area: 'settings' })} sx={{ textTransform: 'none', whiteSpace: 'nowrap', flexShrink: 0 }}>
          Sample data — connect your platform
        </Button>
      ) : info ? (
        <Typography variant="body2" sx={{ opacity: 0.8, minWidth: 0, flexShrink: 1 }} noWrap title={info.url}>
          Platform · {info.url}
        </Typography>
      ) : null}
    </Stack>
  );
};
