import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { db } from '../../app/db';
import { setWorkOffline, useConnection } from '../../app/connectionStore';
import { ConflictList } from './ConflictList';
import { OutboxTable } from './OutboxTable';
import { PushProgress } from './PushProgress';
import { fmt } from '../../app/format';
import { clockTime } from '../../cache';

/** What was last scanned per object type: the cache's real state. */
const CachedTypes = () => {
  const states = useLiveQuery(() => db.syncState.toArray(), []) ?? [];
  return (
    <Box component="section" aria-labelledby="cached-title" sx={{ mt: 3 }}>
      <Typography id="cached-title" variant="h6" component="h3">
        Cache
      </Typography>
      <Table size="small" aria-label="Cached object types" sx={{ maxWidth: 720 }}>
        <TableHead>
          <TableRow>
            <TableCell>Object type</TableCell>
            <TableCell align="right">Records</TableCell>
            <TableCell>Last complete scan</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {states.map((s) => (
            <TableRow key={`${s.objectType}/${s.scope}`}>
              <TableCell>{s.objectType}</TableCell>
              <TableCell align="right">{fmt(s.count)}</TableCell>
              <TableCell>{s.lastCompleteScan ? new Date(s.lastCompleteScan).toLocaleString() : 'never'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** Sync: online state, what is being sent, the outbox with the platform's messages, and the cache. */
export const SyncArea = () => {
  const { online, lastRefresh, failures, workOffline } = useConnection();
  const quarantined = useLiveQuery(() => db.quarantine.count(), []) ?? 0;
  return (
    <Box component="section" aria-labelledby="sync-title" sx={{ p: 3, overflow: 'auto', flex: 1, display: 'flex', flexDirection: 'column' }}>
      <Typography id="sync-title" variant="h5" component="h2" gutterBottom>
        Sync
      </Typography>
      <FormControlLabel
        control={<Switch checked={workOffline} onChange={(e) => setWorkOffline(e.target.checked)} />}
        label="Work offline"
        sx={{ alignSelf: 'flex-start' }}
      />
      <Typography gutterBottom data-testid="sync-state">
        {workOffline
          ? 'Working offline on purpose: changes stay queued and nothing is fetched until you turn this off.'
          : online === false ? 'Offline: the platform cannot be reached; you are working from the cache.' : online ? 'Online.' : 'Connecting…'}{' '}
        {lastRefresh ? `Last refresh at ${clockTime(lastRefresh)}.` : 'Not refreshed in this session yet.'}{' '}
        {quarantined} record{quarantined === 1 ? '' : 's'} quarantined (failed validation).
      </Typography>
      {failures.map((f) => (
        <Alert key={f.objectType} severity="warning" sx={{ my: 1 }}>
          {f.objectType}: {f.message}
        </Alert>
      ))}
      <PushProgress />
      <ConflictList />
      <OutboxTable />
      <CachedTypes />
    </Box>
  );
};
