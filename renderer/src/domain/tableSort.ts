/**
 * Sorting and picking in the large tables, outside React. Names sort as people read them:
 * "Atlas Farms 51" before "Atlas Farms 428" (a numeric collator), case and accents aside.
 */

export type SortDir = 'asc' | 'desc';
export interface SortState {
  column: string;
  dir: SortDir;
}
export type SortValue = string | number;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export const compareValues = (a: SortValue, b: SortValue): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));

/** A stable sort on one key, each row's key read once (20,000 rows sort in a few ms). */
export const sortRows = <R>(rows: readonly R[], key: (row: R) => SortValue, dir: SortDir): R[] => {
  const keyed = rows.map((row, i) => ({ row, i, k: key(row) }));
  const sign = dir === 'asc' ? 1 : -1;
  keyed.sort((a, b) => sign * compareValues(a.k, b.k) || a.i - b.i);
  return keyed.map((x) => x.row);
};

/** A header click: a new column sorts ascending, the same one flips, a third click restores the list's own order. */
export const nextSort = (current: SortState | null, column: string): SortState | null =>
  current?.column !== column ? { column, dir: 'asc' } : current.dir === 'asc' ? { column, dir: 'desc' } : null;

/**
 * A pasted list (ids or e-mails, one per line or separated by commas, spaces or semicolons;
 * names one per line)
 * matched against the rows' keys and aliases, case-insensitively: the keys to select and the
 * entries that matched nothing, in the order they were pasted.
 */
export const matchPasted = <R>(text: string, rows: readonly R[], keyOf: (row: R) => string, aliases: (row: R) => readonly string[] = () => []): { keys: string[]; unknown: string[] } => {
  const index = new Map<string, string>();
  for (const row of rows) {
    const key = keyOf(row);
    for (const word of [key, ...aliases(row)]) if (word) index.set(word.trim().toLowerCase(), key);
  }
  const keys: string[] = [];
  const seen = new Set<string>();
  const unknown: string[] = [];
  const clean = (t: string) => t.trim().replace(/^["'<]+|["'>]+$/g, '');
  const take = (t: string) => {
    const key = index.get(t.toLowerCase());
    if (key === undefined) unknown.push(t);
    else if (!seen.has(key)) {
      seen.add(key);
      keys.push(key);
    }
  };
  for (const line of text.split(/\r?\n/)) {
    // A whole line may be a name with spaces ("Atlas Farms 51"); otherwise it is a list of ids.
    const whole = clean(line);
    if (!whole) continue;
    if (index.has(whole.toLowerCase())) take(whole);
    else for (const token of line.split(/[\s,;\t]+/).map(clean)) if (token) take(token);
  }
  return { keys, unknown };
};
