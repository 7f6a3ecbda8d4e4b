import { getScrollableAncestors, pointerWithin, type CollisionDetection } from '@dnd-kit/core';

/** Whether (x, y) lies inside `el`'s client area (its box less borders and scrollbars). */
const insideClientArea = (el: Element, x: number, y: number): boolean => {
  const r = el.getBoundingClientRect();
  const left = r.left + el.clientLeft;
  const top = r.top + el.clientTop;
  return x >= left && x <= left + el.clientWidth && y >= top && y <= top + el.clientHeight;
};

/**
 * dnd-kit's pointerWithin, but a drop target counts only where the admin can see it: the pointer
 * must also be inside the visible area of every list that scrolls it. A virtualised list draws
 * rows just past its edges (clipped, so invisible); without this, the pointer over the search box
 * above a scrolled list "hits" a group hidden under it, the drag chip names that group and a drop
 * lands there.
 */
export const visibleCollision: CollisionDetection = (args) => {
  const { pointerCoordinates } = args;
  if (!pointerCoordinates) return [];
  const { x, y } = pointerCoordinates;
  return pointerWithin(args).filter(({ id }) => {
    const node = args.droppableContainers.find((c) => c.id === id)?.node.current;
    if (!node) return false;
    return getScrollableAncestors(node).every((el) => el === document.scrollingElement || insideClientArea(el, x, y));
  });
};
