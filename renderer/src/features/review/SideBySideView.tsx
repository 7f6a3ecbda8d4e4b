import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { userName } from '../../../../shared/access/reach';
import type { AccessState } from '../../../../shared/access';
import { matrixAxes, sideBySide, sideTotals, type SideKind, type SideRow } from '../../../../shared/review';
import { fmt } from '../../app/format';
import { EntityPicker, type Option } from '../../components/EntityPicker';
import { VirtualTable, type Column } from '../../components/VirtualTable';

const NOUN: Record<SideKind, string> = { user: 'user', group: 'group', account: 'account' };

/**
 * Compare two side by side (the question behind most access tickets): two users, groups or
 * accounts, facet by facet; "Differences only" (the default) lists what one has that the other
 * lacks, or has with other roles.
 */
export const SideBySideView = ({ s }: { s: AccessState }) => {
  const [kind, setKind] = useState<SideKind>('user');
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const [differencesOnly, setDifferencesOnly] = useState(true);
  const axes = useMemo(() => matrixAxes(s), [s]);
  const options: Option[] = useMemo(() => {
    if (kind === 'user') return axes.users.map((u) => ({ id: u, label: userName(s, u), detail: u }));
    if (kind === 'group') return axes.groups.map((g) => ({ id: g, label: s.groups.get(g)?.name ?? g, detail: g }));
    return axes.accounts.map((x) => ({ id: x, label: s.accounts.get(x)?.name ?? x, detail: x }));
  }, [s, axes, kind]);
  const nameOf = (id: string | null) => (id ? (options.find((o) => o.id === id)?.label ?? id) : '');
  const rows = useMemo(() => (a && b ? sideBySide(s, kind, a, b, differencesOnly) : null), [s, kind, a, b, differencesOnly]);
  const totals = useMemo(() => (rows ? sideTotals(rows) : null), [rows]);
  const nameA = nameOf(a);
  const nameB = nameOf(b);
  const columns: Column<SideRow>[] = [
    { id: 'section', header: 'Facet', width: '160px', render: (r) => r.section },
    { id: 'item', header: 'Item', width: '2fr', render: (r) => <span title={r.item}>{r.item}</span> },
    { id: 'a', header: nameA || 'A', width: '1.5fr', render: (r) => <span title={r.a ?? ''} style={r.a === null ? { opacity: 0.5 } : undefined}>{r.a ?? '—'}</span> },
    { id: 'b', header: nameB || 'B', width: '1.5fr', render: (r) => <span title={r.b ?? ''} style={r.b === null ? { opacity: 0.5 } : undefined}>{r.b ?? '—'}</span> },
  ];
  return (
    <Stack spacing={1.5} component="section" aria-label="Side by side">
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <ToggleButtonGroup size="small" exclusive value={kind} aria-label="Compare what"
          onChange={(_e, v: SideKind | null) => { if (v) { setKind(v); setA(null); setB(null); } }}>
          <ToggleButton value="user">Users</ToggleButton>
          <ToggleButton value="group">Groups</ToggleButton>
          <ToggleButton value="account">Accounts</ToggleButton>
        </ToggleButtonGroup>
        <EntityPicker id="side-a" label={`First ${NOUN[kind]}`} options={options} value={a} onChange={setA} />
        <EntityPicker id="side-b" label={`Second ${NOUN[kind]}`} options={options} value={b} onChange={setB} />
        <FormControlLabel control={<Checkbox checked={differencesOnly} onChange={(e) => setDifferencesOnly(e.target.checked)} />} label="Differences only" />
      </Stack>
      {!rows && <Typography color="text.secondary">Choose two {NOUN[kind]}s to see what one has that the other lacks.</Typography>}
      {rows && totals && (
        <>
          <Typography variant="body2" data-testid="side-totals">
            Only {nameA}: {fmt(totals.onlyA)} · only {nameB}: {fmt(totals.onlyB)} · both, differently: {fmt(totals.differ)}
            {differencesOnly ? '' : ` · ${fmt(rows.length - totals.onlyA - totals.onlyB - totals.differ)} the same`}
          </Typography>
          <Box sx={{ display: 'flex', height: 'max(300px, 55vh)' }}>
            <VirtualTable label={`${nameA} and ${nameB} side by side`} idPrefix="side" rows={rows} rowKey={(r) => r.key} columns={columns}
              empty={differencesOnly ? 'No difference: both have the same.' : 'Neither has anything here.'} />
          </Box>
        </>
      )}
    </Stack>
  );
};
