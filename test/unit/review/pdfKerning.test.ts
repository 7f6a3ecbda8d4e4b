import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { buildState } from '../../../shared/access';
import { PDF_OPTIONS, drawLayoutPdf, layoutReport, type PdfDoc } from '../../../shared/review';
import { speedUpCurrentFont } from '../../../shared/review/pdfKerning';
import { example } from '../access/fixtures';

type Font = { font: { glyphsForString(s: string): string[]; advancesForGlyphs(g: string[]): number[] }; widthOfString(s: string, size: number): number };
const SAMPLES = ['AVATAR To Wa', 'Doc ABC Company', 'ServUser1@boomi.com', 'Yé «quoted» — 1,000 ŁŻ', '', 'x'];

const fontOf = (name: string): Font => {
  const doc = new PDFDocument(PDF_OPTIONS);
  doc.font(name);
  return (doc as unknown as { _font: Font })._font;
};

describe('pdf: the faster measuring of standard fonts gives pdfkit\'s own numbers', () => {
  for (const name of ['Helvetica', 'Helvetica-Bold']) {
    it(`${name}: advances (kerning included) and string widths are unchanged`, () => {
      const plain = fontOf(name);
      const want = SAMPLES.map((t) => [plain.font.advancesForGlyphs(plain.font.glyphsForString(t)), plain.widthOfString(t, 9)]);
      const doc = new PDFDocument(PDF_OPTIONS);
      doc.font(name);
      speedUpCurrentFont(doc);
      const fast = (doc as unknown as { _font: Font & { encode(t: string): unknown } })._font;
      // Kerning is really there: "AV" is narrower than A and V apart.
      expect(want[0]![0]).not.toEqual(SAMPLES[0]!.split('').map((c) => plain.font.advancesForGlyphs(plain.font.glyphsForString(c))[0]));
      for (const [i, t] of SAMPLES.entries()) {
        expect(fast.font.advancesForGlyphs(fast.font.glyphsForString(t))).toEqual(want[i]![0]);
        fast.encode(t); // the width pdfkit asks for right after encoding comes from the encoding
        expect(fast.widthOfString(t, 9)).toBe(want[i]![1]);
        expect(fast.widthOfString(`${t}!`, 9)).toBe(plain.widthOfString(`${t}!`, 9));
      }
    });
  }

  it('the layout report draws the same PDF bytes with the speed-up as without it', async () => {
    const s = buildState(example());
    const draw = async (fast: boolean) => {
      const doc = new PDFDocument({ ...PDF_OPTIONS, info: { ...PDF_OPTIONS.info, CreationDate: new Date('2026-01-01T00:00:00Z') } });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const ended = new Promise((r) => doc.on('end', r));
      // The same document behind a facade without pdfkit's internals: the speed-up finds nothing to speed up.
      const facade: PdfDoc = {
        get page() { return doc.page; },
        font(n) { doc.font(n); return this; },
        fontSize(n) { doc.fontSize(n); return this; },
        fillColor(c) { doc.fillColor(c); return this; },
        text(t, x, y, o) { doc.text(t, x, y, o); return this; },
        addPage() { doc.addPage(); return this; },
      };
      await drawLayoutPdf(fast ? doc : facade, layoutReport(s, { snapshotAt: '2026-01-01T00:00:00Z' }));
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    };
    const [fast, plain] = [await draw(true), await draw(false)];
    expect(fast.length).toBeGreaterThan(1000);
    expect(fast.equals(plain)).toBe(true);
  });
});
