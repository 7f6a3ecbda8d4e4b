import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import { focusRing, nextIndex } from './VirtualList';

export interface VirtualMatrixProps {
  /** The grid's accessible name. */
  label: string;
  idPrefix: string;
  rowCount: number;
  colCount: number;
  corner: ReactNode;
  rowHeader: (row: number) => ReactNode;
  colHeader: (col: number) => ReactNode;
  /** A column header's full text (headers are cut to the column's width). */
  colTitle: (col: number) => string;
  cell: (row: number, col: number) => ReactNode;
  /** The cell's accessible name, e.g. "Doc ABC Company in Services 1". */
  cellLabel: (row: number, col: number) => string;
  /** Click, Enter or Space on a cell. */
  onActivate: (row: number, col: number) => void;
  /** The cell shown as chosen (its detail is open). */
  chosen?: { row: number; col: number } | null;
  empty?: ReactNode;
  rowHeight?: number;
  colWidth?: number;
  rowHeaderWidth?: number;
  headerHeight?: number;
}

/**
 * A grid virtualised both ways (20,000 rows × 500 columns at the large tier): only the cells in
 * view, and a few around them, are in the DOM. The column headers stick to the top and the row
 * headers to the left. Keyboard: the arrows, Home/End and PageUp/PageDown move the active cell
 * (aria-activedescendant), Enter or Space opens it.
 */
export const VirtualMatrix = (p: VirtualMatrixProps) => {
  const { rowHeight = 32, colWidth = 112, rowHeaderWidth = 260, headerHeight = 56 } = p;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const rows = useVirtualizer({
    count: p.rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 6,
    scrollMargin: headerHeight, scrollPaddingStart: headerHeight, initialRect: { width: 1000, height: 600 },
  });
  const cols = useVirtualizer({
    horizontal: true, count: p.colCount, getScrollElement: () => scrollRef.current, estimateSize: () => colWidth, overscan: 2,
    scrollMargin: rowHeaderWidth, scrollPaddingStart: rowHeaderWidth, initialRect: { width: 1000, height: 600 },
  });
  const row = Math.min(active.row, p.rowCount - 1);
  const col = Math.min(active.col, p.colCount - 1);
  const cellId = (r: number, c: number) => `${p.idPrefix}-cell-${r}-${c}`;
  const width = rowHeaderWidth + cols.getTotalSize();
  const vRows = rows.getVirtualItems();
  const vCols = cols.getVirtualItems();

  const onKeyDown = (e: KeyboardEvent) => {
    if (!p.rowCount || !p.colCount) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      p.onActivate(row, col);
      return;
    }
    const move = (r: number, c: number) => {
      e.preventDefault();
      setActive({ row: r, col: c });
      if (r !== row) rows.scrollToIndex(r);
      if (c !== col) cols.scrollToIndex(c);
    };
    // Home/End move along the row as in a spreadsheet; with Ctrl, to the first or last row.
    if ((e.key === 'Home' || e.key === 'End') && !e.ctrlKey) return move(row, e.key === 'Home' ? 0 : p.colCount - 1);
    if (e.key === 'ArrowLeft') return move(row, Math.max(0, col - 1));
    if (e.key === 'ArrowRight') return move(row, Math.min(p.colCount - 1, col + 1));
    const next = nextIndex(e.key, row, p.rowCount, 10);
    if (next !== null) move(next, col);
  };

  const headerCell = { position: 'absolute' as const, top: 0, height: headerHeight, width: colWidth, boxSizing: 'border-box' as const, padding: '4px 6px', overflow: 'hidden', fontSize: 12, fontWeight: 600, lineHeight: 1.2, display: 'flex', alignItems: 'flex-end', wordBreak: 'break-word' as const };
  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label={p.label}
      aria-rowcount={p.rowCount + 1}
      aria-colcount={p.colCount + 1}
      aria-activedescendant={p.rowCount && p.colCount ? cellId(row, col) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      sx={{
        flex: 1, minHeight: 240, overflow: 'auto', position: 'relative', outline: 'none', border: 1, borderColor: 'divider',
        '&:focus-visible': focusRing,
        '& .vm-cell': { position: 'absolute', top: 0, height: rowHeight, width: colWidth, boxSizing: 'border-box', borderRight: 1, borderBottom: 1, borderColor: 'divider', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 12, cursor: 'pointer', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', px: 0.5 },
        '& .vm-cell:hover': { bgcolor: 'action.hover' },
        '& .vm-cell.chosen': { outline: (t) => `2px solid ${t.palette.secondary.main}`, outlineOffset: -2 },
        '&:focus-visible .vm-cell.active': focusRing,
        '& .vm-rowheader': { position: 'sticky', left: 0, zIndex: 1, width: rowHeaderWidth, height: rowHeight, boxSizing: 'border-box', px: 1, display: 'flex', alignItems: 'center', bgcolor: 'background.paper', borderRight: 1, borderBottom: 1, borderColor: 'divider', fontSize: 13, overflow: 'hidden', whiteSpace: 'nowrap' },
      }}
    >
      <div role="rowgroup" style={{ width, height: headerHeight + rows.getTotalSize(), position: 'relative' }}>
        <Box role="row" aria-rowindex={1} sx={{ position: 'sticky', top: 0, zIndex: 2, height: headerHeight, width, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
          <Box role="columnheader" aria-colindex={1} sx={{ position: 'sticky', left: 0, zIndex: 3, width: rowHeaderWidth, height: headerHeight, px: 1, display: 'flex', alignItems: 'flex-end', bgcolor: 'background.paper', fontSize: 12, color: 'text.secondary', boxSizing: 'border-box', borderRight: 1, borderColor: 'divider' }}>
            {p.corner}
          </Box>
          {vCols.map((c) => (
            <div key={c.index} role="columnheader" aria-colindex={c.index + 2} title={p.colTitle(c.index)} style={{ ...headerCell, left: c.start }}>
              {p.colHeader(c.index)}
            </div>
          ))}
        </Box>
        {vRows.map((r) => (
          <div key={r.index} role="row" aria-rowindex={r.index + 2} style={{ position: 'absolute', top: 0, left: 0, width, height: rowHeight, transform: `translateY(${r.start}px)` }}>
            <div role="rowheader" aria-colindex={1} className="vm-rowheader">{p.rowHeader(r.index)}</div>
            {vCols.map((c) => {
              const cls = `vm-cell${r.index === row && c.index === col ? ' active' : ''}${p.chosen?.row === r.index && p.chosen.col === c.index ? ' chosen' : ''}`;
              return (
                <div
                  key={c.index}
                  id={cellId(r.index, c.index)}
                  role="gridcell"
                  aria-colindex={c.index + 2}
                  aria-label={p.cellLabel(r.index, c.index)}
                  className={cls}
                  style={{ left: c.start }}
                  onClick={() => {
                    setActive({ row: r.index, col: c.index });
                    p.onActivate(r.index, c.index);
                  }}
                >
                  {p.cell(r.index, c.index)}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {(p.rowCount === 0 || p.colCount === 0) && p.empty ? <Box sx={{ p: 2, color: 'text.secondary', position: 'sticky', left: 0 }}>{p.empty}</Box> : null}
    </Box>
  );
};
