import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ResourceObjectType } from '../../../../shared/model';
import { VirtualTable } from '../../components/VirtualTable';
import { useAccessState } from '../access-explorer/accessState';
import { describePlanOp, namesFrom } from '../access-explorer/describe';
import { PlanDialog } from '../access-explorer/PlanDialog';
import { RefusedDialog } from '../access-explorer/RefusedDialog';
import { RESOURCE_TYPES, ausSummary, resourceRows, sharingIndex } from './model';
import { ResourceDetail, type Proposal } from './ResourceDetail';

/** Resources (issue 6; R15, R16, R19–R24): per type, which groups share each and why it may be shared. */
export const ResourcesArea = () => {
  const live = useAccessState();
  const [type, setType] = useState<ResourceObjectType>('Role');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const sharing = useMemo(() => (live ? sharingIndex(live.state) : null), [live]);
  const all = useMemo(() => (live && sharing ? resourceRows(live.state, type, sharing) : []), [live, sharing, type]);
  const counts = useMemo(
    () => new Map(RESOURCE_TYPES.map((t) => [t.type, live && sharing ? resourceRows(live.state, t.type, sharing).length : 0])),
    [live, sharing],
  );
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q ? all.filter((r) => r.name.toLowerCase().includes(q) || r.groups.some((g) => g.name.toLowerCase().includes(q))) : all;
  }, [all, search]);
  if (!live) return <Typography sx={{ p: 3 }}>Loading the cache…</Typography>;
  const { state } = live;
  const aus = ausSummary(state);
  const info = RESOURCE_TYPES.find((t) => t.type === type)!;
  const row = all.find((r) => r.id === selected);
  return (
    <Box component="section" aria-labelledby="resources-title" sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Stack direction="row" spacing={1.5} sx={{ px: 2, pt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id="resources-title" variant="h5" component="h2">
          Resources
        </Typography>
        <Chip
          size="small"
          data-testid="aus-primary"
          color={aus.primaryOn ? 'success' : 'warning'}
          label={`Advanced User Security on the primary account: ${aus.primaryOn ? 'on' : 'off — no new role can be shared (R19)'}`}
        />
        <Chip size="small" variant="outlined" label={`${aus.membersOff.toLocaleString()} of ${aus.members.toLocaleString()} member accounts have AUS off (R19)`} />
      </Stack>
      <Tabs value={type} onChange={(_e, v: ResourceObjectType) => { setType(v); setSelected(null); }} variant="scrollable" aria-label="Resource types" sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}>
        {RESOURCE_TYPES.map((t) => (
          <Tab key={t.type} value={t.type} label={`${t.label} (${counts.get(t.type) ?? 0})`} id={`resources-tab-${t.type.replace(/ /g, '-')}`} aria-controls="resources-panel" />
        ))}
      </Tabs>
      {banner && (
        <Alert severity="success" onClose={() => setBanner(null)} sx={{ mx: 2, mt: 1 }} role="status">
          {banner}
        </Alert>
      )}
      <Box role="tabpanel" id="resources-panel" aria-labelledby={`resources-tab-${type.replace(/ /g, '-')}`} sx={{ flex: 1, minHeight: 0, display: 'flex', gap: 2, p: 2 }}>
        <Box sx={{ flex: 3, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {info.eligibility}
          </Typography>
          <TextField size="small" label={`Search ${info.label.toLowerCase()} or groups`} value={search} onChange={(e) => setSearch(e.target.value)} sx={{ maxWidth: 420 }} />
          <VirtualTable
            label={info.label}
            idPrefix="resources"
            rows={rows}
            rowKey={(r) => r.id}
            selected={new Set(selected ? [selected] : [])}
            onSelect={(key) => setSelected(key)}
            empty={`No ${info.label.toLowerCase()} in the cache.`}
            columns={[
              { id: 'name', header: 'Name', width: '2fr', render: (r) => r.name },
              { id: 'eligible', header: 'Shareable', width: '1.6fr', render: (r) => (r.ineligible ? `No — ${r.ineligible.replace(/^R\d+: /, '')}` : 'Yes') },
              { id: 'groups', header: 'Shared with', width: '2.4fr', render: (r) => (r.groups.length ? r.groups.map((g) => g.name).join(', ') : '—') },
            ]}
          />
        </Box>
        <Box sx={{ flex: 2, minWidth: 320, display: 'flex', flexDirection: 'column', overflow: 'auto' }}>
          {row ? (
            <ResourceDetail key={row.id} state={state} row={row} eligibility={info.eligibility} onPropose={setProposal} />
          ) : (
            <Typography color="text.secondary">Select a resource to see which groups share it, share it with another group or unshare it.</Typography>
          )}
        </Box>
      </Box>
      {proposal && !proposal.planned.ok && <RefusedDialog title={proposal.title} reason={proposal.planned.reason} onClose={() => setProposal(null)} />}
      {proposal?.planned.ok && (
        <PlanDialog
          title={proposal.title}
          ops={proposal.planned.ops}
          lines={proposal.planned.ops.map((op) => describePlanOp(op, namesFrom(state)))}
          {...(proposal.warning ? { warning: proposal.warning } : {})}
          onClose={() => setProposal(null)}
          onQueued={setBanner}
        />
      )}
    </Box>
  );
};
