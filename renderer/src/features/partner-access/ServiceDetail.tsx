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
import { serviceAccountRows, type Mode } from './model';
import { RuleText } from '../../components/RuleText';

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
        columns={[
          { id: 'name', header: 'Account', width: '2fr', render: (r) => r.name },
          { id: 'count', header: 'Users', width: '80px', render: (r) => r.users.length },
          { id: 'users', header: 'Users with access', width: '4fr', render: (r) => r.users.map((u) => u.name).join(', ') || '—' },
        ]}
      />
    </Box>
  );
};
