// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a declaration-only file (no runtime module to import): both tsconfigs must see it
/// <reference path="./pdfkit-fonts.d.ts" />
import type { AccessState } from '../../../../shared/access';
import {
  LAYOUT_COLUMNS, PDF_OPTIONS, csvText, drawLayoutPdf, layoutCells, layoutReport, layoutRows, type PdfDoc, type ReviewRecord,
} from '../../../../shared/review';

/** The review's files are saved like every other download of the app. */
export { saveFile as download } from '../../components/saveFile';

/** DESIGN.md's layout table of the whole cache, as CSV (the landing view's Export → CSV). */
export const layoutCsv = (s: AccessState): string => csvText([...layoutRows(s)].map(layoutCells), LAYOUT_COLUMNS);

/** What the app uses of pdfkit's browser build (0.20; its types lag behind). */
interface PdfKitBrowser {
  default: new (o: typeof PDF_OPTIONS) => PdfDoc & { on(ev: string, f: (c: Uint8Array) => void): void; end(): void };
  registerStdFonts(...fonts: object[]): void;
}

/**
 * The layout report as PDF, drawn by the same layout as `roster report` (shared/review/pdf.ts)
 * with pdfkit's browser build, loaded only when asked for.
 */
export const layoutPdf = async (
  s: AccessState,
  o: { snapshotAt: string | null; review: ReviewRecord | null; accounts?: readonly string[] },
  onProgress: (done: number, total: number) => void,
): Promise<Blob> => {
  const [pdfkit, { default: helvetica }, { default: helveticaBold }] = await Promise.all([
    import('pdfkit') as Promise<unknown> as Promise<PdfKitBrowser>,
    import('pdfkit/standard-fonts/Helvetica'),
    import('pdfkit/standard-fonts/HelveticaBold'),
  ]);
  // The browser build carries no fonts: the two the layout uses are registered here.
  pdfkit.registerStdFonts(helvetica, helveticaBold);
  const doc = new pdfkit.default(PDF_OPTIONS);
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  let last = 0;
  await drawLayoutPdf(doc, layoutReport(s, o), {
    onSection: async (done, total) => {
      onProgress(done, total);
      // Let the progress bar paint now and then.
      if (performance.now() - last > 50) {
        await new Promise((r) => setTimeout(r, 0));
        last = performance.now();
      }
    },
  });
  doc.end();
  await ended;
  return new Blob(chunks as BlobPart[], { type: 'application/pdf' });
};
