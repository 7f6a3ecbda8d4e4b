import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { nextIndex, rovingIndex, VirtualList, type VirtualListProps } from '../../../renderer/src/components/VirtualList';

interface Group {
  id: string;
}

const groups = (n: number): Group[] => Array.from({ length: n }, (_, i) => ({ id: `g${i}` }));

/** Server-rendered markup (no DOM in node): the list as the first render draws it. */
const render = (items: Group[], extra: Partial<VirtualListProps<Group>> = {}) =>
  renderToString(
    createElement(VirtualList<Group>, {
      label: 'Account groups',
      items,
      itemKey: (g) => g.id,
      estimateSize: 60,
      renderItem: (g, tabIndex) => createElement('button', { tabIndex, 'data-group': g.id }, g.id),
      ...extra,
    }),
  );

const drawn = (html: string) => [...html.matchAll(/<li[^>]*data-index="(\d+)"/g)].map((m) => Number(m[1]));
const tabStops = (html: string) => [...html.matchAll(/<button tabindex="0" data-group="([^"]+)"/g)].map((m) => m[1]);

describe('VirtualList: 500 groups, only those in view drawn (large tier)', () => {
  it('draws a screenful of a 500-item list, as <li>s of one labelled <ul> as tall as all 500', () => {
    const html = render(groups(500));
    const shown = drawn(html);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0]).toBe(0);
    expect(html).toMatch(/<ul[^>]*aria-label="Account groups"/);
    // 500 × 60 px plus the list's 4 px padding either end.
    expect(html).toMatch(/height:30008px/);
  });

  it('roving focus: exactly one tab stop, on the selected item, drawn even when far down the list', () => {
    const html = render(groups(500), { roving: true, initialIndex: 400 });
    expect(tabStops(html)).toEqual(['g400']);
    expect(drawn(html)).toContain(400);
    expect(html.match(/tabindex="-1"/g)?.length).toBe(drawn(html).length - 1);
  });

  it('without roving, items are not tab stops and the scroller is a focusable named region', () => {
    const html = render(groups(50), { scrollerLabel: 'Group list' });
    expect(tabStops(html)).toEqual([]);
    expect(html).toMatch(/<div[^>]*tabindex="0"[^>]*role="region"[^>]*aria-label="Group list"/);
  });

  it('an empty list draws no items and shows its footer', () => {
    const html = render([], { roving: true, footer: createElement('p', null, 'No group matches the search.') });
    expect(drawn(html)).toEqual([]);
    expect(html).toContain('No group matches the search.');
  });
});

describe('VirtualList keys: arrows, pages, Home and End, clamped to the list', () => {
  it('moves one, a page, or to either end; other keys are not list moves', () => {
    expect(nextIndex('ArrowDown', 3, 10)).toBe(4);
    expect(nextIndex('ArrowUp', 0, 10)).toBe(0);
    expect(nextIndex('ArrowDown', 9, 10)).toBe(9);
    expect(nextIndex('PageDown', 5, 10)).toBe(9);
    expect(nextIndex('PageUp', 5, 10)).toBe(0);
    expect(nextIndex('Home', 7, 10)).toBe(0);
    expect(nextIndex('End', 2, 10)).toBe(9);
    expect(nextIndex('Enter', 2, 10)).toBeNull();
    expect(nextIndex('a', 2, 10)).toBeNull();
  });
});

describe('VirtualList roving tab stop: an item, not a position', () => {
  const key = (g: Group) => g.id;
  it('follows its item when a refresh inserts or re-sorts items above it', () => {
    const before = groups(5);
    expect(rovingIndex(before, key, 'g3', 3)).toBe(3);
    const inserted = [before[0]!, { id: 'new' }, ...before.slice(1)];
    expect(rovingIndex(inserted, key, 'g3', 3)).toBe(4);
    expect(rovingIndex([...before].reverse(), key, 'g3', 3)).toBe(1);
  });

  it('before the admin moves, it is the caller\'s item (the open group); once its item leaves, the same place, clamped', () => {
    expect(rovingIndex(groups(10), key, null, 7)).toBe(7);
    expect(rovingIndex(groups(10), key, 'gone', 4)).toBe(4);
    expect(rovingIndex(groups(3), key, 'gone', 8)).toBe(2);
    expect(rovingIndex([], key, 'g1', 5)).toBe(0);
  });
});
