import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { VirtualTable, useSortedRows, type Column } from '../../components/VirtualTable';
import { DensityButton, SelectFromList, usePasteSelection } from '../../components/TableTools';
import { ANY_STATUS, PENDING_ONLY, choiceLabel, filterAccounts, filterOfChoice, statusesOf } from './accountFilter';
import { DraggableRow } from '../../components/DraggableRow';
import type { AccountRow, GroupRow } from './data';
import { AddToGroupDialog } from '../../components/AddToGroupDialog';
import { removeFromGroupRefusal, type DropMode } from '../../domain/groupPlans';
import Tooltip from '@mui/material/Tooltip';
import { useGroupsUi } from './uiStore';
import { SelectionControls, SelectionCount } from '../../components/SelectionControls';

const accountKey = (a: AccountRow): string => a.accountId;

const COLUMNS: Column<AccountRow>[] = [
  // A pending removal stays listed, struck through, until the platform confirms it.
  { id: 'name', header: 'Account', width: 'minmax(200px, 2fr)', render: (a) => (a.pending === 'remove' ? <s>{a.name}</s> : a.name), sortKey: (a) => a.name },
  { id: 'id', header: 'Account ID', width: 'minmax(160px, 1.5fr)', render: (a) => (a.pending === 'remove' ? <s>{a.accountId}</s> : a.accountId), sortKey: (a) => a.accountId },
  {
    id: 'status',
    header: 'Status',
    width: '200px',
    sortKey: (a) => `${a.status} ${a.pending ?? ''}`,
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
  const { accountSearch, setAccountSearch, selection, click, selectAllOf, clearSelection, setSelection } = useGroupsUi();
  const [picking, setPicking] = useState(false);
  const [show, setShow] = useState(ANY_STATUS);
  const statuses = useMemo(() => statusesOf(accounts ?? []), [accounts]);
  const filtered = useMemo(() => filterAccounts(accounts ?? [], filterOfChoice(accountSearch, show)), [accounts, accountSearch, show]);
  // The order the table shows is the order a Shift-click range and "Select all" follow.
  const { rows: shown, sort, onSort } = useSortedRows(filtered, COLUMNS);
  const order = useMemo(() => shown.map((a) => a.accountId), [shown]);
  const { pasted, match, selectKeys, onPasteList } = usePasteSelection(shown, accountKey, setSelection);
  const selectedShown = useMemo(() => order.filter((id) => selection.selected.has(id)), [order, selection]);
  const targets = groups.filter((g) => g.id !== group.id);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      {/* One line at 1280 px: the search takes what is left (its label whole when it fits), short visible labels keep the whole action as their names (WCAG 2.5.3). */}
      <Box sx={{ display: 'flex', gap: 0.75, alignItems: 'center', p: 1.5, flexWrap: 'nowrap', '& .MuiButton-root': { whiteSpace: 'nowrap', flexShrink: 0 } }}>
        <TextField size="small" label="Search accounts" value={accountSearch} onChange={(e) => setAccountSearch(e.target.value)} sx={{ flex: '0 1 200px', minWidth: 120 }} />
        <TextField select size="small" label="Show" value={show} onChange={(e) => setShow(e.target.value)} slotProps={{ select: { renderValue: (v) => choiceLabel(v as string) } }} sx={{ width: 130, flexShrink: 0 }}>
          <MenuItem value={ANY_STATUS}>All</MenuItem>
          <MenuItem value={PENDING_ONLY}>Pending only</MenuItem>
          {statuses.map((s) => (
            <MenuItem key={s} value={s}>
              Status: {s}
            </MenuItem>
          ))}
        </TextField>
        <SelectFromList noun="account" match={match} onSelect={selectKeys} />
        <DensityButton />
        <SelectionControls
          shown={order.length}
          selectedShown={selectedShown.length}
          anySelected={selection.selected.size > 0}
          onSelectAll={() => selectAllOf(order)}
          onClear={clearSelection}
          countTestId="selection-count"
          compact
        />
        <Box sx={{ flex: 1 }} />
        <Tooltip title={removeRefusal ?? ''}>
          <span>
            <Button size="small" color="error" aria-label="Remove from group" disabled={selectedShown.length === 0 || removeRefusal !== null} onClick={() => onRemove(selectedShown)}>
              Remove
            </Button>
          </span>
        </Tooltip>
        <Button
          variant="contained"
          size="small"
          endIcon={<ArrowDropDownIcon />}
          disabled={selectedShown.length === 0}
          aria-haspopup="dialog"
          aria-label="Add to group…"
          onClick={() => setPicking(true)}
        >
          Add to…
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
        <SelectionCount selectedShown={selectedShown.length} countTestId="selection-count" />
        {' · '}
        {pasted ? <span role="status">{pasted}</span> : 'Click, Shift-click or Ctrl/Cmd-click to select (Escape clears); drag the selection onto a group on the left to copy it there (hold Shift as you drop to move it), or use “Add to group…”.'}
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
        onClearSelection={clearSelection}
        sort={sort}
        onSort={onSort}
        onPasteList={onPasteList}
        renderRow={(key, props, cells) => (
          <DraggableRow key={key} kind="account" rowKey={key} props={props}>
            {cells}
          </DraggableRow>
        )}
        empty={accounts === undefined || !group.countsKnown ? 'Loading…' : accounts.length === 0 ? 'This group has no accounts.' : 'No account matches the search and filters.'}
      />
    </Box>
  );
};
