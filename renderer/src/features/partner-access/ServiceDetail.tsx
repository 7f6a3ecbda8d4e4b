import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import type { AccessState } from '../../../../shared/access';
import { VirtualTable } from '../../components/VirtualTable';
import { clickSelect, emptySelection, selectAll, type Selection } from '../../domain/selection';
import { serviceAccountRows, type Mode, type ServiceAccountRow } from './model';
import { RuleText } from '../../components/RuleText';
import { Person, personText } from '../../components/Person';

/** A cell lists this many people, one a line; more, and the last line says how many others. */
const MAX_LINES = 5;
const LINE_PX = 20;

/** Who has access, by name and e-mail (two Ana Fischers are two people); "and 3 more" lists everyone on hover. */
const People = ({ users }: { users: ServiceAccountRow['users'] }) => {
  if (!users.length) return <>—</>;
  const shown = users.length <= MAX_LINES ? users : users.slice(0, MAX_LINES - 1);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', lineHeight: `${LINE_PX}px`, py: 0.5 }}>
      {shown.map((u) => (
        <Person key={u.userId} name={u.name} userId={u.userId} />
      ))}
      {shown.length < users.length && (
        <Box component="span" title={users.map((u) => personText(u.name, u.userId)).join('\n')} sx={{ color: 'text.secondary' }}>
          and {users.length - shown.length} more
        </Box>
      )}
    </Box>
  );
};

const rowSize = (r: ServiceAccountRow): number => Math.min(Math.max(r.users.length, 1), MAX_LINES) * LINE_PX + 16;

interface Props {
  state: AccessState;
  serviceId: string;
  entityName: (id: string) => string;
  onBack: () => void;
  onPick: (mode: Mode, accountIds: string[]) => void;
}

/** R29: a service's accounts and the users assigned to each; select accounts, then Grant / Revoke access. */
export const ServiceDetail = ({ state, serviceId, entityName, onBack, onPick }: Props) => {
  const svc = state.services.get(serviceId);
  const rows = useMemo(() => serviceAccountRows(state, serviceId), [state, serviceId]);
  const order = useMemo(() => rows.map((r) => r.accountId), [rows]);
  const [sel, setSel] = useState<Selection>(emptySelection());
  const chosen = order.filter((a) => sel.selected.has(a));
  if (!svc) return <Typography sx={{ p: 3 }}>This service is no longer in the cache.</Typography>;
  return (
    <Box component="section" aria-labelledby="service-title" sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack}>
          All services
        </Button>
        <Typography id="service-title" variant="h6" component="h3">
          {svc.name} · {svc.partnerOrganisation}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          <RuleText text={`${rows.length} account${rows.length === 1 ? '' : 's'} · shared with ${entityName(svc.entityId)}; only its users can be given access`} rules={['R25']} />
        </Typography>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button size="small" onClick={() => setSel(selectAll(order))}>
          Select all
        </Button>
        <Typography variant="body2" role="status" aria-live="polite" sx={{ minWidth: 120 }}>
          {chosen.length} selected
        </Typography>
        <Button variant="contained" startIcon={<PersonAddIcon />} disabled={!chosen.length} onClick={() => onPick('grant', chosen)}>
          Grant access…
        </Button>
        <Button variant="outlined" color="error" startIcon={<PersonRemoveIcon />} disabled={!chosen.length} onClick={() => onPick('revoke', chosen)}>
          Revoke access…
        </Button>
      </Stack>
      <VirtualTable
        label={`Accounts of ${svc.name}`}
        idPrefix="svc-accounts"
        rows={rows}
        rowKey={(r) => r.accountId}
        selected={sel.selected}
        onSelect={(key, mods) => setSel((s) => clickSelect(s, order, key, mods))}
        onSelectAll={() => setSel(selectAll(order))}
        empty="This service shares no account."
        rowSize={rowSize}
        columns={[
          { id: 'name', header: 'Account', width: 'minmax(200px, 1fr)', render: (r) => r.name },
          { id: 'count', header: 'Users', width: '80px', render: (r) => r.users.length },
          { id: 'users', header: 'Users with access', width: 'minmax(0, 2fr)', render: (r) => <People users={r.users} /> },
        ]}
      />
    </Box>
  );
};
