import { useEffect, useState, type RefObject } from 'react';
import { useDndMonitor } from '@dnd-kit/core';

/** How close to a list's top or bottom edge (px) a drag starts scrolling it. */
export const EDGE = 48;
/** The fastest scroll (px per frame), reached at the edge itself and beyond it. */
export const MAX_STEP = 22;

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * How far to scroll a list this frame for a pointer at (x, y): negative near the top edge,
 * positive near the bottom, faster the closer it gets (and at full speed just past the edge, so a
 * drag that overshoots keeps scrolling); 0 when the pointer is beside the list or well inside it.
 */
export const edgeScrollStep = (x: number, y: number, box: Box, edge = EDGE, max = MAX_STEP): number => {
  if (x < box.left || x > box.right) return 0;
  const band = Math.min(edge, (box.bottom - box.top) / 3);
  if (band <= 0 || y < box.top - band || y > box.bottom + band) return 0;
  const fromTop = y - box.top;
  const fromBottom = box.bottom - y;
  const speed = (d: number) => Math.max(1, Math.round(max * Math.min(1, 1 - d / band)));
  if (fromTop < band) return -speed(Math.max(0, fromTop));
  if (fromBottom < band) return speed(Math.max(0, fromBottom));
  return 0;
};

/**
 * While `active` (a drag is under way), scrolls `ref`'s element when the pointer nears its top or
 * bottom edge, one step per animation frame. dnd-kit's own auto-scroll scrolls only the scroll
 * containers of the drop target under the pointer (or, over none, of the dragged row): held near a
 * list's edge beside or between its targets (its margins and padding), it scrolls nothing.
 */
export const useDragEdgeScroll = (ref: RefObject<HTMLElement | null>, active: boolean): void => {
  useEffect(() => {
    if (!active) return;
    let pointer: { x: number; y: number } | null = null;
    let frame = 0;
    const track = (e: PointerEvent) => void (pointer = { x: e.clientX, y: e.clientY });
    const tick = () => {
      const el = ref.current;
      if (el && pointer) {
        const step = edgeScrollStep(pointer.x, pointer.y, el.getBoundingClientRect());
        if (step) el.scrollTop += step;
      }
      frame = requestAnimationFrame(tick);
    };
    window.addEventListener('pointermove', track, { passive: true });
    frame = requestAnimationFrame(tick);
    return () => {
      window.removeEventListener('pointermove', track);
      cancelAnimationFrame(frame);
    };
  }, [ref, active]);
};

/**
 * Whether a drag of the enclosing DndContext is under way, for a list of drop targets to pass to
 * VirtualList's `dragEdgeScroll`: only a drag's start and end re-render the caller.
 */
export const useDragInProgress = (): boolean => {
  const [dragging, setDragging] = useState(false);
  useDndMonitor({ onDragStart: () => setDragging(true), onDragEnd: () => setDragging(false), onDragCancel: () => setDragging(false) });
  return dragging;
};
