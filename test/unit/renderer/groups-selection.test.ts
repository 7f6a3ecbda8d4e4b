import { describe, expect, it } from 'vitest';
import { clickSelect, emptySelection, pruneSelection, selectAll } from '../../../renderer/src/domain/selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { selected: ReadonlySet<string> }) => [...s.selected].sort();

describe('multi-select', () => {
  it('a plain click selects only that row', () => {
    const s = clickSelect(clickSelect(emptySelection(), order, 'a'), order, 'c');
    expect(ids(s)).toEqual(['c']);
  });

  it('ctrl/cmd-click toggles rows in and out', () => {
    let s = clickSelect(emptySelection(), order, 'a');
    s = clickSelect(s, order, 'c', { toggle: true });
    expect(ids(s)).toEqual(['a', 'c']);
    s = clickSelect(s, order, 'a', { toggle: true });
    expect(ids(s)).toEqual(['c']);
  });

  it('shift-click selects the range from the anchor, in either direction', () => {
    const s = clickSelect(clickSelect(emptySelection(), order, 'd'), order, 'b', { shift: true });
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    const t = clickSelect(s, order, 'e', { shift: true });
    expect(ids(t)).toEqual(['d', 'e']);
  });

  it('ctrl+shift-click adds the range to the existing selection', () => {
    let s = clickSelect(emptySelection(), order, 'a');
    s = clickSelect(s, order, 'c', { toggle: true });
    s = clickSelect(s, order, 'e', { shift: true, toggle: true });
    expect(ids(s)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('select all filtered selects exactly the shown rows', () => {
    expect(ids(selectAll(['b', 'd']))).toEqual(['b', 'd']);
  });

  it('pruning drops rows that left the view and keeps the same object when nothing changed', () => {
    const s = selectAll(order);
    expect(pruneSelection(s, new Set(order))).toBe(s);
    expect(ids(pruneSelection(s, new Set(['a', 'b'])))).toEqual(['a', 'b']);
  });
});
