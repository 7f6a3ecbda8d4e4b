import { useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import TableSortLabel from '@mui/material/TableSortLabel';
import { alpha } from '@mui/material/styles';
import type { ClickModifiers } from '../domain/selection';
import { nextSort, sortRows, type SortState, type SortValue } from '../domain/tableSort';
import { focusRing, nextIndex } from './VirtualList';
import { useDensity } from './density';

// PageUp/PageDown move ten rows in a grid.
const GRID_PAGE = 10;

export interface Column<R> {
  id: string;
  header: string;
  /** A CSS grid track, e.g. '2fr' or '160px'. */
  width: string;
  render: (row: R) => ReactNode;
  /** Makes the column sortable (natural order: "Atlas Farms 51" before "428"). */
  sortKey?: (row: R) => SortValue;
}

export interface VirtualTableProps<R> {
  label: string;
  idPrefix: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  columns: Column<R>[];
  selected?: ReadonlySet<string>;
  /** Click, Space or Shift+arrows on a row: the selection model decides what it means. */
  onSelect?: (key: string, mods: ClickModifiers) => void;
  onSelectAll?: () => void;
  /** Wraps each row, e.g. to make it draggable; must render `children` into `ref`'d element. */
  renderRow?: (key: string, props: RowProps, children: ReactNode) => ReactNode;
  empty?: ReactNode;
  /** Defaults to the chosen density (36 px, or 28 px compact). */
  rowHeight?: number;
  /** A row taller than `rowHeight` (a cell of several lines); the header keeps `rowHeight`. */
  rowSize?: (row: R, rowHeight: number) => number;
  /** The sorted column, when the rows come from `useSortedRows`. */
  sort?: SortState | null;
  onSort?: (columnId: string) => void;
  /** Escape in the grid: clear the selection. */
  onClearSelection?: () => void;
  /** Text pasted into the grid (a list of ids or e-mails to select). */
  onPasteList?: (text: string) => void;
}

/** The rows in the order of the clicked column; `sort` and `onSort` go to the VirtualTable. */
export const useSortedRows = <R,>(rows: readonly R[], columns: readonly Column<R>[]) => {
  const [sort, setSort] = useState<SortState | null>(null);
  const key = sort ? columns.find((c) => c.id === sort.column)?.sortKey : undefined;
  const sorted = useMemo(() => (sort && key ? sortRows(rows, key, sort.dir) : rows), [rows, sort, key]);
  return { rows: sorted, sort, onSort: (column: string) => setSort((s) => nextSort(s, column)) };
};

export interface RowProps {
  id: string;
  role: 'row';
  'aria-rowindex': number;
  'aria-selected'?: boolean;
  className: string;
  style: React.CSSProperties;
  onClick: (e: MouseEvent) => void;
}

/**
 * A virtualised ARIA grid (20,000 accounts scroll smoothly). Only the visible rows are
 * in the DOM; keyboard users move with the arrows (aria-activedescendant), select with Space,
 * extend with Shift+arrows and select everything shown with Ctrl/Cmd+A.
 */
export const VirtualTable = <R,>(p: VirtualTableProps<R>) => {
  const density = useDensity((d) => d.rowHeight);
  const { rows, columns, rowHeight = density } = p;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // The grid itself scrolls, under its sticky header row (one rowHeight): the rows start that far
  // into the scroll box (scrollMargin), and a row scrolled to must not hide under it (scrollPaddingStart).
  const virtualizer = useVirtualizer({
    count: rows.length, getScrollElement: () => scrollRef.current, overscan: 12,
    estimateSize: p.rowSize ? (i) => Math.max(rowHeight, p.rowSize!(rows[i]!, rowHeight)) : () => rowHeight,
    scrollMargin: rowHeight, scrollPaddingStart: rowHeight,
  });
  // The virtualiser keeps the sizes it has worked out until told: rows of their own sizes change
  // when the rows do (a user granted access adds a line), with the same number of rows.
  const { rowSize } = p;
  useLayoutEffect(() => {
    if (rowSize) virtualizer.measure();
  }, [rows, rowSize, rowHeight, virtualizer]);
  const template = columns.map((c) => c.width).join(' ');
  const items = virtualizer.getVirtualItems();
  const activeRow = rows[Math.min(active, rows.length - 1)];
  const rowId = (key: string) => `${p.idPrefix}-row-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  const onKeyDown = (e: KeyboardEvent) => {
    if (!rows.length) return;
    const next = nextIndex(e.key, active, rows.length, GRID_PAGE);
    if (next !== null) {
      e.preventDefault();
      setActive(next);
      virtualizer.scrollToIndex(next);
      if (e.shiftKey) p.onSelect?.(p.rowKey(rows[next]!), { shift: true });
    } else if (e.key === ' ' && activeRow) {
      e.preventDefault();
      p.onSelect?.(p.rowKey(activeRow), { toggle: true });
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a' && p.onSelectAll) {
      e.preventDefault();
      p.onSelectAll();
    } else if (e.key === 'Escape' && p.onClearSelection && p.selected?.size) {
      // Only when there is a selection: otherwise Escape still closes the dialog around the grid.
      e.preventDefault();
      e.stopPropagation();
      p.onClearSelection();
    }
  };
  const onPaste = (e: ClipboardEvent) => {
    if (!p.onPasteList) return;
    e.preventDefault();
    p.onPasteList(e.clipboardData.getData('text'));
  };

  const header = (
    <Box role="rowgroup" sx={{ position: 'sticky', top: 0, zIndex: 1, bgcolor: 'background.paper' }}>
      <Box role="row" aria-rowindex={1} sx={{ display: 'grid', gridTemplateColumns: template, px: 1.5, height: rowHeight, alignItems: 'center', borderBottom: 1, borderColor: 'divider', fontWeight: 600, fontSize: 13, color: 'text.secondary' }}>
        {columns.map((c) => {
          const sorted = p.sort?.column === c.id ? p.sort.dir : null;
          return (
            <div key={c.id} role="columnheader" aria-sort={c.sortKey && p.onSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}>
              {c.sortKey && p.onSort ? (
                <TableSortLabel active={sorted !== null} direction={sorted ?? 'asc'} onClick={() => p.onSort!(c.id)}>
                  {c.header}
                </TableSortLabel>
              ) : (
                c.header
              )}
            </div>
          );
        })}
      </Box>
    </Box>
  );

  // The grid is the scrolling element and takes focus itself (axe: scrollable-region-focusable);
  // a focusable scroller inside it would be a second tab stop with no role.
  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label={p.label}
      aria-rowcount={rows.length + 1}
      aria-multiselectable={p.onSelect ? true : undefined}
      // Only a drawn row can be referenced: once scrolled away, the active row is not in the DOM (axe: aria-valid-attr-value).
      aria-activedescendant={activeRow && items.some((v) => v.index === active) ? rowId(p.rowKey(activeRow)) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      sx={{ flex: 1, minHeight: 0, overflow: 'auto', position: 'relative', outline: 'none',
        '&:focus-visible': focusRing,
        '& .vt-row': { px: 1.5, boxSizing: 'border-box', borderBottom: 1, borderColor: 'divider', userSelect: 'none', cursor: 'default', fontSize: 14 },
        '& .vt-row:hover': { bgcolor: 'action.hover' },
        '& .vt-row.selected': { bgcolor: (t) => alpha(t.palette.primary.main, t.palette.mode === 'dark' ? 0.28 : 0.14) },
        '&:focus-visible .vt-row.active': focusRing,
      }}
    >
      {header}
      {rows.length === 0 && p.empty ? <Box sx={{ p: 2, color: 'text.secondary' }}>{p.empty}</Box> : null}
      {/* An empty rowgroup is an ARIA error (rowgroup must own rows): no role until rows are rendered
          (the virtualiser renders none before it has measured its scroll box). */}
      <Box role={items.length ? 'rowgroup' : undefined} sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((v) => {
          const row = rows[v.index]!;
          const key = p.rowKey(row);
          const isSelected = p.selected?.has(key) ?? false;
          const props: RowProps = {
            id: rowId(key),
            role: 'row',
            'aria-rowindex': v.index + 2,
            ...(p.onSelect ? { 'aria-selected': isSelected } : {}),
            className: `vt-row${isSelected ? ' selected' : ''}${v.index === active ? ' active' : ''}`,
            style: { position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start - rowHeight}px)`, display: 'grid', gridTemplateColumns: template, alignItems: 'center' },
            onClick: (e) => {
              setActive(v.index);
              p.onSelect?.(key, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
            },
          };
          const cells = columns.map((c) => (
            <div key={c.id} role="gridcell" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', paddingRight: 8 }}>
              {c.render(row)}
            </div>
          ));
          return p.renderRow ? p.renderRow(key, props, cells) : <div key={key} {...props}>{cells}</div>;
        })}
      </Box>
    </Box>
  );
};

/** A VirtualTable that sorts itself: for tables whose order nothing else reads (no range selection). */
export const SortedTable = <R,>(p: Omit<VirtualTableProps<R>, 'sort' | 'onSort'>) => {
  const s = useSortedRows(p.rows, p.columns);
  return <VirtualTable {...p} rows={s.rows} sort={s.sort} onSort={s.onSort} />;
};
