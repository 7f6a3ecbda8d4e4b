import Papa from 'papaparse';

/**
 * CSV text of rows (RFC 4180 quoting by papaparse, the project's CSV library). With `header`
 * the column names come first; a long table is written in chunks, the header with the first.
 */
export const csvText = (rows: readonly (readonly string[])[], header?: readonly string[]): string => {
  const body = rows.length ? Papa.unparse(rows as string[][], { newline: '\n' }) : '';
  if (!header) return body ? `${body}\n` : '';
  const head = Papa.unparse([header as string[]], { newline: '\n' });
  return body ? `${head}\n${body}\n` : `${head}\n`;
};

/** Rows in chunks of CSV text, for streaming a table of millions of rows. */
export function* csvChunks(rows: Iterable<readonly string[]>, header: readonly string[], size = 5_000): Generator<string> {
  let batch: (readonly string[])[] = [];
  let first = true;
  for (const r of rows) {
    batch.push(r);
    if (batch.length >= size) {
      yield csvText(batch, first ? header : undefined);
      first = false;
      batch = [];
    }
  }
  if (batch.length || first) yield csvText(batch, first ? header : undefined);
}
