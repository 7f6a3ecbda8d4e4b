import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useDndContext, type Over } from '@dnd-kit/core';
import Paper from '@mui/material/Paper';
import { plural } from '../app/format';

/** How far the chip sits from the pointer's tip: beside it, never under it (the drop target stays visible). */
const OFFSET_X = 14;
const OFFSET_Y = 10;

type Point = { x: number; y: number };

const pointOf = (e: Event | null): Point | null =>
  e && 'clientX' in e && typeof (e as PointerEvent).clientX === 'number' ? { x: (e as PointerEvent).clientX, y: (e as PointerEvent).clientY } : null;

/**
 * What is being dragged and where it will go ("231 accounts → Services 1"), drawn at the pointer.
 *
 * Fixed to the viewport at the pointer's own coordinates, read from pointer events, rather than
 * @dnd-kit's DragOverlay: the overlay starts from the dragged row's box and adds the scroll of its
 * ancestors, and a row of a virtualised, scrolled list puts it far from the pointer (even off-screen).
 * Must be rendered inside the DndContext whose drag it describes.
 */
export const DragChip = ({ count, noun, targetName }: { count: number | null; noun: string; targetName: (over: Over) => string | undefined }) => {
  const { active, over, activatorEvent } = useDndContext();
  const [at, setAt] = useState<Point | null>(null);
  const dragging = active !== null && count !== null;
  useEffect(() => {
    if (!dragging) {
      setAt(null);
      return;
    }
    setAt((p) => p ?? pointOf(activatorEvent));
    // pointermove and mousemove both arrive for one movement: the second finds the same point and draws nothing.
    const move = (e: PointerEvent | MouseEvent) => setAt((p) => (p && p.x === e.clientX && p.y === e.clientY ? p : { x: e.clientX, y: e.clientY }));
    window.addEventListener('pointermove', move, { passive: true });
    // Dragging over a scrolling list fires no pointer move; the mouse's own events still arrive.
    window.addEventListener('mousemove', move, { passive: true });
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('mousemove', move);
    };
  }, [dragging, activatorEvent]);
  if (!dragging || !at) return null;
  const target = over ? targetName(over) : undefined;
  return createPortal(
    <Paper
      elevation={6}
      data-testid="drag-overlay"
      aria-hidden="true"
      sx={{
        position: 'fixed',
        left: at.x + OFFSET_X,
        top: at.y + OFFSET_Y,
        zIndex: (t) => t.zIndex.tooltip,
        pointerEvents: 'none',
        px: 1.5,
        py: 0.75,
        whiteSpace: 'nowrap',
        maxWidth: 420,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        typography: 'body2',
        fontWeight: 600,
      }}
    >
      {plural(count, noun)}
      {target ? ` → ${target}` : ''}
    </Paper>,
    document.body,
  );
};
