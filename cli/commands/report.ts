import { createWriteStream, statSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { buildState } from '../../shared/access';
import {
  ACCESS_COLUMNS, LAYOUT_COLUMNS, PDF_OPTIONS, accessCells, csvChunks, accessRows, drawLayoutPdf, layoutCells, layoutHtml, layoutReport, layoutRows,
} from '../../shared/review';
import type { Command } from '../main';
import { CliError, loadSnapshot, readFlags } from '../io';

const TABLES = ['access', 'layout'] as const;
const FORMATS = ['csv', 'html', 'pdf'] as const;

const oneOf = <T extends string>(flag: string, v: string, allowed: readonly T[]): T => {
  if (!(allowed as readonly string[]).includes(v)) throw new CliError(`--${flag} must be one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
};

/** Where the report goes: the --out file, or stdout. The file is opened only once the input is valid. */
function* mapRows<T>(rows: Iterable<T>, f: (r: T) => string[]): Generator<string[]> {
  for (const r of rows) yield f(r);
}

const output = (out: string | undefined): Writable => (out ? createWriteStream(out) : process.stdout);

/**
 * `roster report`: the access or layout table of a snapshot as CSV (DESIGN.md headers, exactly),
 * or the layout report as HTML or PDF (a section per group and per account), stamped with the
 * snapshot file's modification time (a snapshot records no time of its own).
 */
export const reportCommand: Command = {
  usage: '--snapshot S --table access|layout --format csv|html|pdf [--out F]',
  async run(args) {
    const f = readFlags(args, ['snapshot', 'table', 'format'], ['out']);
    const table = oneOf('table', f.table, TABLES);
    const format = oneOf('format', f.format, FORMATS);
    if (format !== 'csv' && table !== 'layout') throw new CliError(`--format ${format} is for --table layout (the access table is CSV only)`);
    const snap = loadSnapshot(f.snapshot);
    const s = buildState(snap);
    const snapshotAt = statSync(f.snapshot).mtime.toISOString();
    const sink = output(f.out);
    const end = !f.out ? { end: false } : {};
    if (format === 'csv') {
      const rows = table === 'access' ? mapRows(accessRows(s), accessCells) : mapRows(layoutRows(s), layoutCells);
      const header = table === 'access' ? ACCESS_COLUMNS : LAYOUT_COLUMNS;
      await pipeline(Readable.from(csvChunks(rows, header)), sink, end);
      return undefined;
    }
    const report = layoutReport(s, { snapshotAt });
    if (format === 'html') {
      await pipeline(Readable.from([layoutHtml(report)]), sink, end);
      return undefined;
    }
    // Loaded only for a PDF: every other command starts without it.
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument(PDF_OPTIONS);
    const done = pipeline(doc, sink, end);
    await drawLayoutPdf(doc, report);
    doc.end();
    await done;
    return undefined;
  },
};
