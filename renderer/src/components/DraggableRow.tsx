import { useDraggable } from '@dnd-kit/core';
import type { RowProps } from './VirtualTable';

export type DragKind = 'account' | 'user' | 'resource';

/** A grid row that can be dragged onto a group of the side list; dragging carries the selection. */
export const DraggableRow = ({ kind, rowKey, props, children }: { kind: DragKind; rowKey: string; props: RowProps; children: React.ReactNode }) => {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: `${kind}:${rowKey}`, data: { kind, id: rowKey } });
  return (
    <div ref={setNodeRef} {...props} {...listeners} style={{ ...props.style, opacity: isDragging ? 0.5 : 1 }} data-row-id={rowKey}>
      {children}
    </div>
  );
};
