import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { DraggableRow } from '../../components/DraggableRow';
import type { AccountRow, GroupRow } from './data';
import { AddToGroupDialog } from '../../components/AddToGroupDialog';
import { removeFromGroupRefusal, type DropMode } from '../../domain/groupPlans';
import Tooltip from '@mui/material/Tooltip';
import { matches, useGroupsUi } from './uiStore';
import { SelectionControls } from '../../components/SelectionControls';

const COLUMNS: Column<AccountRow>[] = [
  // A pending removal stays listed, struck through, until the platform confirms it.
  { id: 'name', header: 'Account', width: 'minmax(200px, 2fr)', render: (a) => (a.pending === 'remove' ? <s>{a.name}</s> : a.name) },
  { id: 'id', header: 'Account ID', width: 'minmax(160px, 1.5fr)', render: (a) => (a.pending === 'remove' ? <s>{a.accountId}</s> : a.accountId) },
  {
    id: 'status',
    header: 'Status',
    width: '200px',
    render: (a) => (
      <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
        {a.status}
        {a.pending === 'add' && <Chip size="small" color="warning" variant="outlined" label="Pending add" />}
        {a.pending === 'remove' && <Chip size="small" color="warning" variant="outlined" label="Pending removal" />}
      </Box>
    ),
  },
];

interface Props {
  group: GroupRow;
  groups: GroupRow[];
  accounts: AccountRow[] | undefined;
  onAddToGroup: (target: GroupRow, accountIds: string[], mode: DropMode) => void;
  onRemove: (accountIds: string[]) => void;
}

export const AccountsTab = ({ group, groups, accounts, onAddToGroup, onRemove }: Props) => {
  const removeRefusal = removeFromGroupRefusal(group);
  const { accountSearch, setAccountSearch, selection, click, selectAllOf, clearSelection } = useGroupsUi();
  const [picking, setPicking] = useState(false);
  const shown = useMemo(() => (accounts ?? []).filter((a) => matches(accountSearch, a.name, a.accountId, a.status)), [accounts, accountSearch]);
  const order = useMemo(() => shown.map((a) => a.accountId), [shown]);
  const selectedShown = useMemo(() => order.filter((id) => selection.selected.has(id)), [order, selection]);
  const targets = groups.filter((g) => g.id !== group.id);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 1.5, flexWrap: 'wrap' }}>
        <TextField size="small" label="Search accounts" value={accountSearch} onChange={(e) => setAccountSearch(e.target.value)} sx={{ width: 180 }} />
        <SelectionControls
          shown={order.length}
          selectedShown={selectedShown.length}
          anySelected={selection.selected.size > 0}
          onSelectAll={() => selectAllOf(order)}
          onClear={clearSelection}
          countTestId="selection-count"
        />
        <Box sx={{ flex: 1 }} />
        <Tooltip title={removeRefusal ?? ''}>
          <span>
            <Button size="small" color="error" disabled={selectedShown.length === 0 || removeRefusal !== null} onClick={() => onRemove(selectedShown)}>
              Remove from group
            </Button>
          </span>
        </Tooltip>
        <Button
          variant="contained"
          size="small"
          endIcon={<ArrowDropDownIcon />}
          disabled={selectedShown.length === 0}
          aria-haspopup="dialog"
          onClick={() => setPicking(true)}
        >
          Add to group…
        </Button>
      </Box>
      {picking && (
        <AddToGroupDialog
          count={selectedShown.length}
          targets={targets}
          moveFrom={group}
          onClose={() => setPicking(false)}
          onPick={(t, mode) => {
            setPicking(false);
            onAddToGroup(t, selectedShown, mode);
          }}
        />
      )}
      <Typography variant="body2" color="text.secondary" sx={{ px: 1.5, pb: 1 }}>
        Click, Shift-click or Ctrl/Cmd-click to select; drag the selection onto a group on the left to copy it there (hold Shift as you drop to move it), or use “Add to group…”.
      </Typography>
      <VirtualTable
        label={`Accounts in ${group.name}`}
        idPrefix="accounts"
        rows={shown}
        rowKey={(a) => a.accountId}
        columns={COLUMNS}
        selected={selection.selected}
        onSelect={(id, mods) => click(order, id, mods)}
        onSelectAll={() => selectAllOf(order)}
        renderRow={(key, props, cells) => (
          <DraggableRow key={key} kind="account" rowKey={key} props={props}>
            {cells}
          </DraggableRow>
        )}
        empty={accounts === undefined || !group.countsKnown ? 'Loading…' : accounts.length === 0 ? 'This group has no accounts.' : 'No account matches the search.'}
      />
    </Box>
  );
};
