// Offline review at scale: compare of two large-tier snapshots (access diff included; and with the
// baseline's indexes already built, as the app keeps them), the matrix views' data, CSV of the
// 20,000-account access table, PDF of the 500-group layout, and `roster diff` at the huge tier
// against the time to parse both files. Targets: < 2 s, < 1 s, < 3 s, < 20 s, ≤ 3× parse.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { buildState, reach } from '../../shared/access';
import { generateSnapshot } from '../../shared/seeds/generate';
import {
  ACCESS_COLUMNS, DEFAULT_QUERY, PDF_OPTIONS, accessCells, buildMatrix, csvText, accessRows, diffSnapshots, diffStates, drawLayoutPdf, layoutReport,
  matrixAxes, stateAfter,
} from '../../shared/review';
import { loadSnapshot } from '../../cli/io';
import { benchTiers, emit, timeIt } from './emit';
import { drift } from './support/drift';

const gc = () => (globalThis as { gc?: () => void }).gc?.();

const large = async (): Promise<void> => {
  const tier = 'large';
  const before = generateSnapshot(tier, 1);
  const after = drift(before, 7, 200);
  gc();
  const cmp = await timeIt(() => diffSnapshots(before, after));
  const { changes, access } = cmp.value;
  emit({ metric: 'review.compare', value: cmp.ms, unit: 'ms', tier, changes: changes.length, gained: access.gained.length, lost: access.lost.length, changed: access.changed.length, target: '< 2000' });

  // The app keeps the baseline's indexes (built when the Baselines view opens): a compare is then
  // the after side patched onto them, and the diff.
  const s = buildState(before);
  gc();
  const warm = await timeIt(() => diffStates(s, stateAfter(s, after)));
  emit({ metric: 'review.compare.prepared', value: warm.ms, unit: 'ms', tier, changes: warm.value.changes.length, target: '< 2000' });

  // The matrix views' data: names and order once per cache version, then a filter per keystroke.
  gc();
  const axes = await timeIt(() => matrixAxes(s));
  const full = await timeIt(() => buildMatrix(s, axes.value, 'membership', DEFAULT_QUERY));
  const filtered = await timeIt(() => buildMatrix(s, axes.value, 'membership', { ...DEFAULT_QUERY, columnSearch: 'a', rowSearch: '1', sort: 'cells', onlyWithCells: true }));
  emit({ metric: 'review.matrix.data', value: axes.ms + full.ms, unit: 'ms', tier, rows: full.value.rows.length, columns: full.value.columns.length, axesMs: Math.round(axes.ms), filterMs: Math.round(filtered.ms), target: '< 1000 (first paint)' });

  // The access table of the user who reaches every account (All Accounts): 20,000 rows.
  let user = '';
  let most = 0;
  for (const u of s.userGroupRoles.keys()) {
    const n = reach(s, u).length;
    if (n > most) [user, most] = [u, n];
  }
  gc();
  const csv = await timeIt(() => csvText([...accessRows(s, [user])].map(accessCells), ACCESS_COLUMNS));
  emit({ metric: 'review.csv.accessTable', value: csv.ms, unit: 'ms', tier, rows: most, bytes: csv.value.length, target: '< 3000' });

  // The whole access table is as long as the access it lists (millions of rows): its rate.
  const sample = s.userGroupRoles.keys().slice(0, 100);
  let rows = 0;
  const all = await timeIt(() => {
    for (const r of accessRows(s, sample)) rows += accessCells(r).length > 0 ? 1 : 0;
  });
  emit({ metric: 'review.accessTable.rowsPerSecond', value: (rows / all.ms) * 1000, unit: 'rows/s', tier, rows });

  gc();
  let pages = 0;
  const pdf = await timeIt(async () => {
    const doc = new PDFDocument(PDF_OPTIONS);
    doc.on('pageAdded', () => pages++);
    let bytes = 0;
    doc.on('data', (b: Buffer) => (bytes += b.length));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    await drawLayoutPdf(doc, layoutReport(s, { snapshotAt: new Date().toISOString(), accounts: [] }));
    doc.end();
    await ended;
    return bytes;
  });
  emit({ metric: 'review.pdf.groupLayout', value: pdf.ms, unit: 'ms', tier, groups: s.groups.keys().length, pages, bytes: pdf.value, target: '< 20000' });
};

const huge = async (): Promise<void> => {
  const tier = 'huge';
  const dir = mkdtempSync(path.join(tmpdir(), 'roster-review-bench-'));
  try {
    const before = generateSnapshot(tier, 1);
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    writeFileSync(a, JSON.stringify(before));
    writeFileSync(b, JSON.stringify(drift(before, 7, 500)));
    gc();
    const parse = await timeIt(() => [loadSnapshot(a), loadSnapshot(b)]);
    gc();
    const whole = await timeIt(() => diffSnapshots(loadSnapshot(a), loadSnapshot(b)));
    emit({ metric: 'review.diff.cli', value: whole.ms, unit: 'ms', tier, parseMs: Math.round(parse.ms), ratioToParse: Math.round((whole.ms / parse.ms) * 100) / 100, target: '≤ 3× parse' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

for (const t of benchTiers(['large', 'huge'])) {
  if (t === 'large') await large();
  else await huge();
}
