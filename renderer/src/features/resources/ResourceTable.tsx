import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { VirtualTable, useSortedRows, type Column } from '../../components/VirtualTable';
import { DensityButton, SelectFromList, usePasteSelection } from '../../components/TableTools';
import { SelectionControls } from '../../components/SelectionControls';
import { DraggableRow } from '../../components/DraggableRow';
import { clickSelect, emptySelection, selectAll, type Selection } from '../../domain/selection';
import type { ResourceRow } from './model';

const resourceKey = (r: ResourceRow): string => r.id;

const COLUMNS: Column<ResourceRow>[] = [
  { id: 'name', header: 'Name', width: '2fr', render: (r) => r.name, sortKey: (r) => r.name },
  { id: 'eligible', header: 'Shareable', width: '1.6fr', render: (r) => (r.ineligible ? `No — ${r.ineligible.replace(/^R\d+: /, '')}` : 'Yes'), sortKey: (r) => (r.ineligible ? `No ${r.ineligible}` : 'Yes') },
  { id: 'groups', header: 'Shared with', width: '2.4fr', render: (r) => (r.groups.length ? r.groups.map((g) => g.name).join(', ') : '—'), sortKey: (r) => r.groups.length },
];

interface Props {
  label: string;
  rows: ResourceRow[];
  search: string;
  onSearch: (q: string) => void;
  selection: Selection;
  onSelection: (s: Selection) => void;
  onShare: () => void;
}

/**
 * The resources of one type, multi-select as in a file manager (click, shift-click, ctrl-click,
 * select all shown); selected rows are dragged onto a group, or shared with "Share with group…".
 */
export const ResourceTable = ({ label, rows: listed, search, onSearch, selection, onSelection, onShare }: Props) => {
  // The order the table shows is the order a Shift-click range and "Select all" follow.
  const { rows, sort, onSort } = useSortedRows(listed, COLUMNS);
  const order = useMemo(() => rows.map((r) => r.id), [rows]);
  const { pasted, match, selectKeys, onPasteList } = usePasteSelection(rows, resourceKey, onSelection);
  const selectedShown = useMemo(() => order.filter((id) => selection.selected.has(id)).length, [order, selection]);
  return (
    <>
      {/* One line at 1280 px beside the group list and the detail: the search gives way first,
          "Share…" keeps its whole action as its name (WCAG 2.5.3); selecting is on the line below. */}
      <Box sx={{ display: 'flex', gap: 0.75, alignItems: 'center', flexWrap: 'nowrap', '& .MuiButton-root': { whiteSpace: 'nowrap', flexShrink: 0 } }}>
        <TextField size="small" label={`Search ${label.toLowerCase()} or groups`} value={search} onChange={(e) => onSearch(e.target.value)} sx={{ flex: '0 1 240px', minWidth: 120 }} />
        <SelectFromList noun="resource" match={match} onSelect={selectKeys} />
        <DensityButton />
        <Box sx={{ flex: 1 }} />
        <Tooltip title="Share with group…" describeChild>
          <span>
            <Button variant="contained" size="small" endIcon={<ArrowDropDownIcon />} disabled={selectedShown === 0} aria-haspopup="dialog" aria-label="Share with group…" onClick={onShare}>
              Share…
            </Button>
          </span>
        </Tooltip>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <SelectionControls
          shown={order.length}
          selectedShown={selectedShown}
          anySelected={selection.selected.size > 0}
          onSelectAll={() => onSelection(selectAll(order))}
          onClear={() => onSelection(emptySelection())}
          countTestId="resource-selection-count"
          pasted={pasted}
        />
      </Box>
      <VirtualTable
        label={label}
        idPrefix="resources"
        rows={rows}
        rowKey={(r) => r.id}
        columns={COLUMNS}
        selected={selection.selected}
        onSelect={(id, mods) => onSelection(clickSelect(selection, order, id, mods))}
        onSelectAll={() => onSelection(selectAll(order))}
        onClearSelection={() => onSelection(emptySelection())}
        sort={sort}
        onSort={onSort}
        onPasteList={onPasteList}
        renderRow={(key, props, cells) => (
          <DraggableRow key={key} kind="resource" rowKey={key} props={props}>
            {cells}
          </DraggableRow>
        )}
        empty={search ? 'Nothing matches the search.' : `No ${label.toLowerCase()} yet.`}
      />
    </>
  );
};
