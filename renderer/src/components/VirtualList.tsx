import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import { useDragEdgeScroll } from './dragEdgeScroll';
import type { SxProps, Theme } from '@mui/material/styles';

export interface VirtualListProps<T> {
  /** The list's accessible name (role list). */
  label: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  /** A first guess of an item's height; each rendered item is then measured. */
  estimateSize: number;
  /**
   * One item's content, inside its listitem. With `roving`, the item's own focusable element
   * must take `tabIndex` (0 for the one tab stop of the list, -1 for the others).
   */
  renderItem: (item: T, tabIndex: 0 | -1) => ReactNode;
  /**
   * Roving focus (items hold a button): the list is one tab stop and the arrows, Home/End and
   * PageUp/PageDown move between items, scrolling the ones not drawn into the DOM.
   */
  roving?: boolean;
  /** The item to scroll to and to start the roving focus from (the selected one). */
  initialIndex?: number;
  /** Shown under the (empty or short) list, e.g. "No group matches the search." */
  footer?: ReactNode;
  /** The scroller takes focus itself when items have nothing focusable (axe: scrollable-region-focusable). */
  scrollerLabel?: string;
  sx?: SxProps<Theme>;
  /** A drag is under way: the list scrolls when the pointer nears its top or bottom edge. */
  dragEdgeScroll?: boolean;
}

/**
 * The keyboard focus of every virtual list, table and grid (and of the row or cell active in it):
 * an outline, unlike an inset shadow, is painted above a sticky header.
 */
export const focusRing = { outline: (t: Theme) => `2px solid ${t.palette.primary.main}`, outlineOffset: -2 };

const PAGE = 8;

/** The item (or grid row) a key moves the focus to, or null when the key is not a list move. */
export const nextIndex = (key: string, from: number, count: number, page = PAGE): number | null => {
  const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const move = moves[key];
  return move === undefined ? null : Math.max(0, Math.min(count - 1, from + move));
};

/**
 * The roving tab stop's index: where the item with `activeKey` is now, else (none chosen yet, or
 * that item left the list) the last index, clamped to the list.
 */
export const rovingIndex = <T,>(items: readonly T[], key: (item: T) => string, activeKey: string | null, fallback: number): number => {
  if (activeKey !== null) {
    const i = items.findIndex((it) => key(it) === activeKey);
    if (i >= 0) return i;
  }
  return Math.max(0, Math.min(items.length - 1, fallback));
};

/**
 * A virtualised list (500 groups at the large tier): only the items in view, and a few
 * either side, are in the DOM, as <li>s of a <ul> whose height is the whole list's, so the scroll
 * bar and drop targets behave as for a full list. The item holding the roving tab stop is always
 * drawn, so Tab finds it however far the list was scrolled.
 */
export const VirtualList = <T,>(p: VirtualListProps<T>) => {
  const { items, roving = false } = p;
  const scrollRef = useRef<HTMLDivElement>(null);
  useDragEdgeScroll(scrollRef, p.dragEdgeScroll ?? false);
  // The tab stop is an item, not a position: a refresh that inserts, renames or re-sorts items
  // must not hand the tab stop (and the one always-drawn slot) to whatever now sits at the old
  // index, or the focused item is virtualised away and the focus falls to the page.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  // Until the admin moves, the tab stop is the item the caller names (the open group).
  const lastIndex = useRef(p.initialIndex ?? 0);
  const activeIndex = rovingIndex(items, p.itemKey, activeKey, activeKey === null ? (p.initialIndex ?? 0) : lastIndex.current);
  useLayoutEffect(() => void (lastIndex.current = activeIndex));
  const focusAfterRender = useRef(false);
  const hasFocus = useRef(false);
  const setActive = (i: number) => {
    const item = items[i];
    if (item !== undefined) setActiveKey(p.itemKey(item));
  };
  const focusActive = () => {
    const li = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    li?.querySelector<HTMLElement>('[tabindex]')?.focus();
  };
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      if (!roving || items.length === 0 || shown.includes(activeIndex)) return shown;
      return [...shown, activeIndex].sort((a, b) => a - b);
    },
    [roving, items.length, activeIndex],
  );
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => p.estimateSize,
    overscan: 4,
    paddingStart: 4,
    paddingEnd: 4,
    rangeExtractor,
    getItemKey: (i) => p.itemKey(items[i]!),
    // A first guess of the viewport, so the first render already draws the items in view.
    initialRect: { width: 300, height: 800 },
  });

  // Open on the selected item when it is further down than the first screen.
  const initial = p.initialIndex ?? 0;
  useLayoutEffect(() => {
    if (initial > 0 && initial < items.length) virtualizer.scrollToIndex(initial, { align: 'auto' });
    // Only on mount: afterwards the admin scrolls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    focusActive();
  });
  // A redraw that removed the focused item (it left the list, or its key changed) gives the
  // focus back to the tab stop instead of leaving it on the page's body.
  useLayoutEffect(() => {
    if (!roving || !hasFocus.current) return;
    const now = document.activeElement;
    if (now === null || now === document.body) focusActive();
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (!roving || items.length === 0) return;
    const next = nextIndex(e.key, activeIndex, items.length);
    if (next === null) return;
    e.preventDefault();
    // Already the tab stop (Home on the first item): nothing re-renders, so focus it now.
    if (next === activeIndex) focusActive();
    else focusAfterRender.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  // A click or Tab into an item makes it the list's tab stop.
  const onFocus = (e: React.FocusEvent) => {
    hasFocus.current = true;
    const li = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const i = li ? Number(li.dataset.index) : NaN;
    if (Number.isInteger(i) && i !== activeIndex) setActive(i);
  };
  // Focus leaving for another element, or the admin clicking outside any control, ends the
  // list's claim; a focused item removed by a redraw does not (it is still connected until then).
  const onBlur = (e: React.FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (to && e.currentTarget.contains(to)) return;
    const from = e.target as HTMLElement;
    if (to) hasFocus.current = false;
    else queueMicrotask(() => void (from.isConnected && (hasFocus.current = false)));
  };

  const rendered = virtualizer.getVirtualItems();
  return (
    <Box
      ref={scrollRef}
      tabIndex={p.scrollerLabel ? 0 : undefined}
      role={p.scrollerLabel ? 'region' : undefined}
      aria-label={p.scrollerLabel}
      sx={[{ overflow: 'auto', flex: 1, minHeight: 0, '&:focus-visible': focusRing }, ...(Array.isArray(p.sx) ? p.sx : [p.sx])]}
    >
      <Box
        component="ul"
        aria-label={p.label}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
        sx={{ listStyle: 'none', m: 0, p: 0, position: 'relative', height: virtualizer.getTotalSize() }}
      >
        {rendered.map((v) => {
          const item = items[v.index]!;
          return (
            <li
              key={v.key}
              data-index={v.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
            >
              {p.renderItem(item, roving && v.index === activeIndex ? 0 : -1)}
            </li>
          );
        })}
      </Box>
      {p.footer}
    </Box>
  );
};
