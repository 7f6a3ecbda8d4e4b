import { memo, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { VirtualItem } from '@tanstack/react-virtual';
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
  /** The row header's content: drawn as its label is cut to the column, it ends in an ellipsis. */
  rowHeader: (row: number) => RowHeader;
  /** The header column's accessible name, e.g. "Accounts": its resize handle says whose width it is. */
  rowHeaderName: string;
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

export interface RowHeader {
  /** The visible label, cut with an ellipsis when the column is too narrow. */
  label: string;
  /** Shown whole after the label (a count). */
  badge?: ReactNode;
  /** The whole text: the header's tooltip and accessible name. */
  full: string;
}

/** The header column's width: at least a short name and its count, at most most of a window. */
export const ROW_HEADER_MIN = 160;
export const ROW_HEADER_MAX = 720;
const RESIZE_STEP = 20;
const clampWidth = (w: number) => Math.max(ROW_HEADER_MIN, Math.min(ROW_HEADER_MAX, Math.round(w)));

const cellIdOf = (prefix: string, r: number, c: number) => `${prefix}-cell-${r}-${c}`;

/** What a drawn row needs of the grid's props: stable while the grid only scrolls. */
interface CellView {
  cell: (row: number, col: number) => ReactNode;
  cellLabel: (row: number, col: number) => string;
  rowHeader: (row: number) => RowHeader;
  idPrefix: string;
}

interface CellProps {
  view: CellView;
  row: number;
  col: number;
  left: number;
  className: string;
}

/** One cell, drawn when it comes into view and again only when its content or state changes. */
const MatrixCell = memo(({ view, row, col, left, className }: CellProps) => (
  <div id={cellIdOf(view.idPrefix, row, col)} role="gridcell" aria-colindex={col + 2} aria-label={view.cellLabel(row, col)} className={className} style={{ left }} data-row={row} data-col={col}>
    {view.cell(row, col)}
  </div>
));

interface RowProps {
  view: CellView;
  row: number;
  top: number;
  width: number;
  height: number;
  cols: VirtualItem[];
  /** The columns in view, as a key: `cols` is a new array on every frame. */
  colKey: string;
  activeCol: number;
  chosenCol: number;
}

const RowHeaderCell = ({ h }: { h: RowHeader }) => (
  <div role="rowheader" aria-colindex={1} className="vm-rowheader" title={h.full} aria-label={h.full}>
    <span className="vm-label">{h.label}</span>
    {h.badge !== undefined && <span className="vm-badge">{h.badge}</span>}
  </div>
);

const MatrixRow = memo(
  ({ view, row, top, width, height, cols, activeCol, chosenCol }: RowProps) => (
    <div role="row" aria-rowindex={row + 2} className="vm-row" style={{ position: 'absolute', top: 0, left: 0, width, height, transform: `translateY(${top}px)` }}>
      <RowHeaderCell h={view.rowHeader(row)} />
      {cols.map((c) => (
        <MatrixCell key={c.index} view={view} row={row} col={c.index} left={c.start} className={`vm-cell${c.index === activeCol ? ' active' : ''}${c.index === chosenCol ? ' chosen' : ''}`} />
      ))}
    </div>
  ),
  (a, b) => a.view === b.view && a.row === b.row && a.top === b.top && a.width === b.width && a.height === b.height && a.colKey === b.colKey && a.activeCol === b.activeCol && a.chosenCol === b.chosenCol,
);

/**
 * A grid virtualised both ways (20,000 rows × 500 columns at the large tier): only the cells in
 * view, and a few around them, are in the DOM. The column headers stick to the top and the row
 * headers to the left. Keyboard: the arrows, Home/End and PageUp/PageDown move the active cell
 * (aria-activedescendant), Enter or Space opens it.
 */
export const VirtualMatrix = (p: VirtualMatrixProps) => {
  const { rowHeight = 32, colWidth = 112, headerHeight = 56 } = p;
  // The header column is as wide as the admin makes it (long names and e-mails are cut to it).
  const [rowHeaderWidth, setRowHeaderWidth] = useState(clampWidth(p.rowHeaderWidth ?? 260));
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ row: 0, col: 0 });
  // Without flushSync, one scroll event's row and column updates are drawn in one render, outside
  // the scroll handler (a synchronous render there made the other virtualizer's read of the
  // scroll offset force a second layout); the overscan covers the frame it may lag.
  const rows = useVirtualizer({
    count: p.rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 6, useFlushSync: false,
    scrollMargin: headerHeight, scrollPaddingStart: headerHeight, initialRect: { width: 1000, height: 600 },
  });
  const cols = useVirtualizer({
    horizontal: true, count: p.colCount, getScrollElement: () => scrollRef.current, estimateSize: () => colWidth, overscan: 2, useFlushSync: false,
    scrollMargin: rowHeaderWidth, scrollPaddingStart: rowHeaderWidth, initialRect: { width: 1000, height: 600 },
  });
  const row = Math.min(active.row, p.rowCount - 1);
  const col = Math.min(active.col, p.colCount - 1);
  const cellId = (r: number, c: number) => cellIdOf(p.idPrefix, r, c);
  const width = rowHeaderWidth + cols.getTotalSize();
  const vRows = rows.getVirtualItems();
  const vCols = cols.getVirtualItems();
  // A row redraws only when the columns in view change (or its active/chosen cell): scrolling
  // down draws just the rows coming into view, scrolling across just the cells coming in.
  const colKey = vCols.length ? `${vCols[0]!.index}:${vCols.at(-1)!.index}:${vCols[0]!.start}` : '';
  const view = useMemo<CellView>(() => ({ cell: p.cell, cellLabel: p.cellLabel, rowHeader: p.rowHeader, idPrefix: p.idPrefix }), [p.cell, p.cellLabel, p.rowHeader, p.idPrefix]);
  // One click handler for the whole grid (a closure per cell would make every drawn cell new on every frame).
  const onClick = (e: MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    if (!el?.dataset.row || !el.dataset.col) return;
    const at = { row: Number(el.dataset.row), col: Number(el.dataset.col) };
    setActive(at);
    p.onActivate(at.row, at.col);
  };

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
        // Fixed-size rows and cells: containment keeps a row coming into view from laying out the others.
        '& .vm-row': { contain: 'layout style' },
        '& .vm-cell': { contain: 'strict', position: 'absolute', top: 0, height: rowHeight, width: colWidth, boxSizing: 'border-box', borderRight: 1, borderBottom: 1, borderColor: 'divider', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 12, cursor: 'pointer', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', px: 0.5 },
        '& .vm-cell:hover': { bgcolor: 'action.hover' },
        '& .vm-cell.chosen': { outline: (t) => `2px solid ${t.palette.secondary.main}`, outlineOffset: -2 },
        '&:focus-visible .vm-cell.active': focusRing,
        '& .vm-rowheader': { position: 'sticky', left: 0, zIndex: 1, width: rowHeaderWidth, height: rowHeight, boxSizing: 'border-box', px: 1, display: 'flex', alignItems: 'center', gap: 0.5, bgcolor: 'background.paper', borderRight: 1, borderBottom: 1, borderColor: 'divider', fontSize: 13, overflow: 'hidden', whiteSpace: 'nowrap' },
        '& .vm-label': { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' },
        '& .vm-badge': { flexShrink: 0, fontSize: 12, color: 'text.secondary' },
      }}
    >
      <div role="rowgroup" style={{ width, height: headerHeight + rows.getTotalSize(), position: 'relative' }} onClick={onClick}>
        <Box role="row" aria-rowindex={1} sx={{ position: 'sticky', top: 0, zIndex: 2, height: headerHeight, width, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
          <Box role="columnheader" aria-colindex={1} sx={{ position: 'sticky', left: 0, zIndex: 3, width: rowHeaderWidth, height: headerHeight, px: 1, display: 'flex', alignItems: 'flex-end', bgcolor: 'background.paper', fontSize: 12, color: 'text.secondary', boxSizing: 'border-box', borderRight: 1, borderColor: 'divider' }}>
            {p.corner}
            <ResizeHandle name={p.rowHeaderName} width={rowHeaderWidth} onWidth={(w) => setRowHeaderWidth(clampWidth(w))} />
          </Box>
          {vCols.map((c) => (
            <div key={c.index} role="columnheader" aria-colindex={c.index + 2} title={p.colTitle(c.index)} style={{ ...headerCell, left: c.start }}>
              {p.colHeader(c.index)}
            </div>
          ))}
        </Box>
        {vRows.map((r) => (
          <MatrixRow
            key={r.index}
            row={r.index}
            top={r.start}
            width={width}
            height={rowHeight}
            cols={vCols}
            colKey={colKey}
            activeCol={r.index === row ? col : -1}
            chosenCol={p.chosen?.row === r.index ? p.chosen.col : -1}
            view={view}
          />
        ))}
      </div>
      {(p.rowCount === 0 || p.colCount === 0) && p.empty ? <Box sx={{ p: 2, color: 'text.secondary', position: 'sticky', left: 0 }}>{p.empty}</Box> : null}
    </Box>
  );
};

/**
 * The header column's right edge, dragged with the pointer or moved with the arrows (a focusable
 * separator, as WAI-ARIA's window splitter), so a long name or e-mail can be read whole.
 */
const ResizeHandle = ({ name, width, onWidth }: { name: string; width: number; onWidth: (w: number) => void }) => {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const to = e.key === 'ArrowRight' ? width + RESIZE_STEP : e.key === 'ArrowLeft' ? width - RESIZE_STEP : e.key === 'Home' ? ROW_HEADER_MIN : e.key === 'End' ? ROW_HEADER_MAX : null;
    if (to === null) return;
    // The grid's own arrows move its active cell: these keys belong to the handle.
    e.preventDefault();
    e.stopPropagation();
    onWidth(to);
  };
  return (
    <Box
      role="separator"
      aria-orientation="vertical"
      aria-label={`Width of the ${name} column`}
      aria-valuenow={width}
      aria-valuemin={ROW_HEADER_MIN}
      aria-valuemax={ROW_HEADER_MAX}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={(e) => e.stopPropagation()}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width };
      }}
      onPointerMove={(e) => {
        if (drag.current) onWidth(drag.current.width + e.clientX - drag.current.x);
      }}
      onPointerUp={() => void (drag.current = null)}
      onPointerCancel={() => void (drag.current = null)}
      sx={{
        position: 'absolute', top: 0, right: -4, width: 8, height: '100%', cursor: 'col-resize', zIndex: 4, outline: 'none',
        '&::after': { content: '""', position: 'absolute', left: 3, top: 8, bottom: 8, width: 2, borderRadius: 1, bgcolor: 'divider' },
        '&:hover::after, &:focus-visible::after': { bgcolor: 'primary.main' },
        '&:focus-visible': focusRing,
      }}
    />
  );
};
