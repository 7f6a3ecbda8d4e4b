import { describe, expect, it } from 'vitest';
import { compareValues, matchPasted, nextSort, sortRows } from '../../../renderer/src/domain/tableSort';

describe('large tables sort as people read and select from pasted lists', () => {
  it('natural order: "Atlas Farms 51" before "Atlas Farms 428", case aside', () => {
    const names = ['Atlas Farms 428', 'atlas farms 51', 'Atlas Farms 5', 'Beta 1'];
    expect(sortRows(names, (n) => n, 'asc')).toEqual(['Atlas Farms 5', 'atlas farms 51', 'Atlas Farms 428', 'Beta 1']);
    expect(sortRows(names, (n) => n, 'desc')[0]).toBe('Beta 1');
    expect(compareValues(9, 10)).toBeLessThan(0);
  });

  it('the sort is stable: equal keys keep the list\'s own order', () => {
    const rows = [{ id: 'c', s: 'Active' }, { id: 'a', s: 'Suspended' }, { id: 'b', s: 'Active' }];
    expect(sortRows(rows, (r) => r.s, 'asc').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, (r) => r.s, 'desc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
  });

  it('a header click sorts ascending, then descending, then restores the order', () => {
    expect(nextSort(null, 'name')).toEqual({ column: 'name', dir: 'asc' });
    expect(nextSort({ column: 'name', dir: 'asc' }, 'name')).toEqual({ column: 'name', dir: 'desc' });
    expect(nextSort({ column: 'name', dir: 'desc' }, 'name')).toBeNull();
    expect(nextSort({ column: 'name', dir: 'desc' }, 'id')).toEqual({ column: 'id', dir: 'asc' });
  });

  it('a pasted list of ids, e-mails or whole-line names selects the matching rows and reports the rest', () => {
    const rows = [
      { id: 'acc-1', name: 'Atlas Farms 51', mail: '' },
      { id: 'acc-2', name: 'Doc ABC', mail: '' },
      { id: 'u@x.com', name: 'Ana', mail: 'u@x.com' },
    ];
    const r = matchPasted('ACC-2, acc-1;nope\n"u@x.com"\nAtlas Farms 51\n\nacc-2', rows, (x) => x.id, (x) => [x.name]);
    expect(r.keys).toEqual(['acc-2', 'acc-1', 'u@x.com']);
    expect(r.unknown).toEqual(['nope']);
    expect(matchPasted('', rows, (x) => x.id)).toEqual({ keys: [], unknown: [] });
  });
});
