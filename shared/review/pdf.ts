import type { Via } from '../access';
import { speedUpCurrentFont } from './pdfKerning';
import { asOfText, countsText, viaText, type AccountSection, type GroupSection, type LayoutReport } from './report';

/**
 * The part of a pdfkit document the layout uses. The CLI passes pdfkit's Node build and the app
 * its browser build: one layout, two hosts. The document must be made with `PDF_OPTIONS`
 * (no automatic first page: the layout adds it, so every page gets its stamp).
 */
export interface PdfDoc {
  page: { width: number; height: number };
  font(name: string): this;
  fontSize(size: number): this;
  fillColor(color: string): this;
  text(text: string, x: number, y: number, options?: { width?: number; lineBreak?: boolean }): this;
  addPage(): this;
}

export const PDF_OPTIONS = { autoFirstPage: false, size: 'A4', margin: 40, compress: true, info: { Title: 'Roster layout report', Producer: 'Roster' } } as const;

const MARGIN = 40;
const LINE = 12;
const SIZE = 9;
const CHAR = SIZE * 0.5;

const fit = (text: string, width: number): string => {
  const max = Math.max(4, Math.floor(width / CHAR));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export interface DrawProgress {
  /** Called after each section; awaited, so the app can let the progress bar paint. */
  onSection?: (done: number, total: number) => void | Promise<void>;
}

class Writer {
  private y = 0;
  private pageNo = 0;
  private fontName = '';
  private size = 0;
  constructor(private readonly doc: PdfDoc, private readonly stamp: string, private readonly title: string) {}

  /** Sets the font only when it changes: a table of 100,000 rows switches it rarely. */
  private use(font: 'Helvetica' | 'Helvetica-Bold', size: number): void {
    if (font !== this.fontName) {
      this.doc.font(font);
      speedUpCurrentFont(this.doc);
      this.fontName = font;
    }
    if (size !== this.size) {
      this.doc.fontSize(size);
      this.size = size;
    }
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }
  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  /** Every page carries the title, the snapshot's time and its number. */
  newPage(): void {
    this.doc.addPage();
    this.pageNo++;
    this.use('Helvetica', 8);
    this.doc.fillColor('#555555');
    this.doc.text(fit(`${this.title} — ${this.stamp}`, this.width - 60), MARGIN, MARGIN - 20, { lineBreak: false });
    this.doc.text(`page ${this.pageNo}`, this.doc.page.width - MARGIN - 50, MARGIN - 20, { width: 50, lineBreak: false });
    this.doc.fillColor('#000000');
    this.y = MARGIN;
  }

  private room(h: number): void {
    if (this.pageNo === 0 || this.y + h > this.bottom) this.newPage();
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 16 : level === 2 ? 13 : 10.5;
    this.room(size + 10 + LINE);
    this.y += level === 3 ? 4 : 8;
    this.use('Helvetica-Bold', size);
    this.doc.text(fit(text, (this.width * SIZE) / size), MARGIN, this.y, { lineBreak: false });
    this.y += size + 4;
  }

  /** One table row: cells at fixed column fractions, cut to their width. */
  row(cells: readonly string[], cols: readonly number[], bold = false): void {
    this.room(LINE);
    this.use(bold ? 'Helvetica-Bold' : 'Helvetica', SIZE);
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = this.width * cols[i]!;
      this.doc.text(fit(c, w - 4), x, this.y, { lineBreak: false });
      x += w;
    });
    this.y += LINE;
  }

  line(text: string): void {
    this.row([text], [1]);
  }
}

const via = (v: Via) => viaText(v);

const drawGroup = (w: Writer, g: GroupSection): void => {
  w.heading(`Group: ${g.name}${g.allAccounts && g.name !== 'All Accounts' ? ' (All Accounts)' : ''}`, 2);
  w.heading(`Accounts (${g.accounts.length})`, 3);
  if (!g.accounts.length) w.line('none');
  for (const a of g.accounts) w.row([a.name, a.id], [0.6, 0.4]);
  w.heading(`Users in group (${g.users.length})`, 3);
  if (!g.users.length) w.line('none');
  else w.row(['User', 'Name', 'Roles'], [0.4, 0.25, 0.35], true);
  for (const u of g.users) w.row([u.userId, u.name, u.roles.join(', ')], [0.4, 0.25, 0.35]);
  w.heading(`Resources (${g.resources.length})`, 3);
  if (!g.resources.length) w.line('none');
  for (const r of g.resources) w.row([r.objectType, r.name, r.id], [0.25, 0.45, 0.3]);
};

const drawAccount = (w: Writer, a: AccountSection): void => {
  w.heading(`Account: ${a.name}`, 2);
  w.line(`${a.id} · Support Access Role: ${a.supportAccessRole ?? 'none'} · groups: ${a.groups.join(', ') || 'none'}`);
  w.heading(`Who reaches it (${a.users.length})`, 3);
  if (!a.users.length) w.line('nobody');
  else w.row(['User', 'Way in', 'Roles', 'Through'], [0.35, 0.1, 0.3, 0.25], true);
  for (const u of a.users) w.row([u.userId, via(u.via), u.roles.join(', ') || '—', u.groups.join(', ')], [0.35, 0.1, 0.3, 0.25]);
};

/** Draws the layout report into `doc` (made with PDF_OPTIONS); the caller ends the document. */
export const drawLayoutPdf = async (doc: PdfDoc, r: LayoutReport, p: DrawProgress = {}): Promise<void> => {
  const w = new Writer(doc, asOfText(r.snapshotAt), r.title);
  const total = r.groupCount + r.accountCount;
  let done = 0;
  w.heading(r.title, 1);
  w.line(`${asOfText(r.snapshotAt)} · ${countsText(r)}`);
  if (r.review) {
    const rv = r.review;
    w.heading(`Review: ${rv.name}`, 2);
    w.line(`Reviewer ${rv.reviewer || 'unknown'} · started ${rv.createdAt} · ${rv.signedOff ? `signed off by ${rv.signedOff.by} at ${rv.signedOff.at}` : 'not signed off'}`);
    if (rv.plan) w.line(`Plan made ${rv.plan.madeAt} with ${rv.plan.ops} ops: ${rv.plan.outcome ?? 'not applied yet'}`);
    w.row(['Decision', 'What', 'Note', 'When'], [0.1, 0.45, 0.3, 0.15], true);
    for (const d of rv.decisions) w.row([d.verdict, r.describe(d.target), d.note ?? '', d.at.slice(0, 16)], [0.1, 0.45, 0.3, 0.15]);
  }
  for (const g of r.groups()) {
    drawGroup(w, g);
    await p.onSection?.(++done, total);
  }
  for (const a of r.accounts()) {
    drawAccount(w, a);
    await p.onSection?.(++done, total);
  }
};
