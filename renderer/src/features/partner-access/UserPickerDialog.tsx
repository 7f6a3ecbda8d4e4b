import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import { partnerPicker, type AccessState } from '../../../../shared/access';
import { VirtualTable } from '../../components/VirtualTable';
import { clickSelect, emptySelection, selectAll, type Selection } from '../../domain/selection';
import type { Mode } from './model';
import { RuleText } from '../../components/RuleText';
import { Person } from '../../components/Person';

interface Props {
  state: AccessState;
  mode: Mode;
  serviceId: string;
  accountIds: string[];
  onCancel: () => void;
  onPicked: (userIds: string[]) => void;
}

/**
 * The user picker of R26 / R27: grant lists users of the service's entity with no or partial
 * access to the selection, revoke those with full or partial access; search by name or e-mail;
 * the Current access column says how many of the selected accounts each already has.
 */
export const UserPickerDialog = ({ state, mode, serviceId, accountIds, onCancel, onPicked }: Props) => {
  const [search, setSearch] = useState('');
  const [sel, setSel] = useState<Selection>(emptySelection());
  const rows = useMemo(() => partnerPicker(state, { serviceId, accountIds, mode, search }), [state, serviceId, accountIds, mode, search]);
  const order = useMemo(() => rows.map((r) => r.userId), [rows]);
  const picked = order.filter((u) => sel.selected.has(u));
  const n = accountIds.length;
  const verb = mode === 'grant' ? 'Grant access' : 'Revoke access';
  return (
    <Dialog open onClose={onCancel} aria-labelledby="picker-title" fullWidth maxWidth="md">
      <DialogTitle id="picker-title">{verb}: {n} selected account{n === 1 ? '' : 's'}</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 1, height: 480 }}>
        <Typography variant="body2" color="text.secondary">
          <RuleText
            text={
              mode === 'grant'
                ? 'Users of the service’s entity who do not yet have access to every selected account (R25, R26). Users who already have all of it are left out.'
                : 'Users with access to at least one of the selected accounts (R27). Users with none are left out. Revoking removes access to the selected accounts only.'
            }
          />
        </Typography>
        <TextField size="small" label="Search by name or e-mail" value={search} onChange={(e) => setSearch(e.target.value)} autoFocus sx={{ maxWidth: 420 }} />
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <VirtualTable
            label="Users to pick"
            idPrefix="picker"
            rows={rows}
            rowKey={(r) => r.userId}
            selected={sel.selected}
            onSelect={(key, mods) => setSel((s) => clickSelect(s, order, key, { shift: mods.shift ?? false, toggle: true }))}
            onSelectAll={() => setSel(selectAll(order))}
            empty={search ? 'No user matches the search.' : mode === 'grant' ? 'Every user of the entity already has access to all selected accounts.' : 'Nobody has access to the selected accounts.'}
            columns={[
              {
                id: 'picked',
                header: 'Picked',
                width: '72px',
                // The row's aria-selected carries the state; the icon is for the eye only.
                render: (r) => (sel.selected.has(r.userId) ? <CheckBoxIcon fontSize="small" color="primary" aria-hidden /> : <CheckBoxOutlineBlankIcon fontSize="small" aria-hidden />),
              },
              { id: 'user', header: 'User', width: '3.4fr', render: (r) => <Person name={r.name} userId={r.userId} /> },
              { id: 'current', header: 'Current access', width: '1fr', render: (r) => `${r.currentAccess} of ${n}` },
            ]}
          />
        </Box>
        {picked.length > 0 && (
          <Alert severity="info" icon={false} role="status">
            {picked.length} user{picked.length === 1 ? '' : 's'} picked.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="contained" color={mode === 'grant' ? 'primary' : 'error'} disabled={picked.length === 0} onClick={() => onPicked(picked)}>
          {verb}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
