import { createWriteStream, openSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
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
type Table = (typeof TABLES)[number];
type Format = (typeof FORMATS)[number];

const oneOf = <T extends string>(flag: string, v: string, allowed: readonly T[]): T => {
  if (!(allowed as readonly string[]).includes(v)) throw new CliError(`--${flag} must be one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
};

function* mapRows<T>(rows: Iterable<T>, f: (r: T) => string[]): Generator<string[]> {
  for (const r of rows) yield f(r);
}

interface Output {
  sink: Writable;
  /** Puts the finished report in place (the --out file). */
  commit(): void;
  /** Drops a half-written report: a failed run leaves --out as it was. */
  abort(): void;
}

/**
 * Where the report goes: stdout, or the --out file, written beside it under a temporary name and
 * renamed once complete. Opened only once the input is valid, and synchronously, so a folder that
 * does not exist or cannot be written is bad input named in one line, before any work.
 */
const output = (out: string | undefined): Output => {
  if (!out) return { sink: process.stdout, commit: () => undefined, abort: () => undefined };
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`--out ${out} is a folder; give a file name`);
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.partial`);
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `--out ${out}: the folder ${path.dirname(out)} does not exist` : `--out ${out} cannot be written: ${(e as Error).message}`);
  }
  return {
    sink: createWriteStream('', { fd }),
    commit: () => renameSync(temp, out),
    abort: () => rmSync(temp, { force: true }),
  };
};

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
    const out = output(f.out);
    try {
      await write(out.sink, !f.out ? { end: false } : {}, table, format, s, snapshotAt);
    } catch (e) {
      out.abort();
      throw e;
    }
    out.commit();
    return undefined;
  },
};

const write = async (sink: Writable, end: { end?: boolean }, table: Table, format: Format, s: ReturnType<typeof buildState>, snapshotAt: string) => {
  if (format === 'csv') {
    const rows = table === 'access' ? mapRows(accessRows(s), accessCells) : mapRows(layoutRows(s), layoutCells);
    const header = table === 'access' ? ACCESS_COLUMNS : LAYOUT_COLUMNS;
    await pipeline(Readable.from(csvChunks(rows, header)), sink, end);
    return;
  }
  const report = layoutReport(s, { snapshotAt });
  if (format === 'html') {
    await pipeline(Readable.from([layoutHtml(report)]), sink, end);
    return;
  }
  // Loaded only for a PDF: every other command starts without it.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument(PDF_OPTIONS);
  const done = pipeline(doc, sink, end);
  await drawLayoutPdf(doc, report);
  doc.end();
  await done;
};
