/**
 * pdfkit (0.20) measures every string twice (to encode it and to advance the cursor) and looks up
 * each pair of glyphs for kerning by building a "left\0right" string key: at 100,000 table rows
 * that lookup is most of the time a layout PDF takes. This gives one standard (AFM) font the same
 * advances from Maps, built once per font. It touches pdfkit internals only when they have the
 * exact shape expected; otherwise it leaves the font alone (the PDF is the same, only slower).
 */
interface AfmFont {
  glyphWidths: Record<string, number>;
  kernPairs: Record<string, number>;
  advancesForGlyphs: (glyphs: string[]) => number[];
}

const done = new WeakSet<object>();

const isAfm = (x: unknown): x is AfmFont => {
  const f = x as Partial<AfmFont> | null;
  return !!f && typeof f === 'object' && typeof f.glyphWidths === 'object' && typeof f.kernPairs === 'object' && typeof f.advancesForGlyphs === 'function';
};

/** The same numbers as AFMFont#advancesForGlyphs: width of each glyph plus its kerning with the next. */
export const fastAdvances = (afm: AfmFont): ((glyphs: string[]) => number[]) => {
  const widths = new Map(Object.entries(afm.glyphWidths));
  const kern = new Map<string, Map<string, number>>();
  for (const [pairKey, amount] of Object.entries(afm.kernPairs)) {
    const cut = pairKey.indexOf('\0');
    const left = pairKey.slice(0, cut);
    let row = kern.get(left);
    if (!row) kern.set(left, (row = new Map()));
    row.set(pairKey.slice(cut + 1), amount);
  }
  return (glyphs) => {
    const out = new Array<number>(glyphs.length);
    for (let i = 0; i < glyphs.length; i++) {
      const left = glyphs[i]!;
      const right = glyphs[i + 1];
      out[i] = (widths.get(left) || 0) + ((right !== undefined && kern.get(left)?.get(right)) || 0);
    }
    return out;
  };
};

interface StandardFont {
  font: unknown;
  encode: (text: string, features?: unknown) => [string[], { xAdvance: number }[]];
  widthOfString: (text: string, size: number, features?: unknown) => number;
}

const isStandard = (x: unknown): x is StandardFont => {
  const f = x as Partial<StandardFont> | null;
  return !!f && typeof f === 'object' && isAfm(f.font) && typeof f.encode === 'function' && typeof f.widthOfString === 'function';
};

/**
 * Speeds up the document's current font if it is a standard one, once per font: the Map-based
 * advances above, and the width of the string just encoded kept for the cursor's advance that
 * pdfkit asks for next (same glyphs, same sum: the same number).
 */
export const speedUpCurrentFont = (doc: object): void => {
  const font = (doc as { _font?: unknown })._font;
  if (!isStandard(font) || done.has(font)) return;
  done.add(font);
  const afm = font.font as AfmFont;
  afm.advancesForGlyphs = fastAdvances(afm);
  const encode = font.encode.bind(font);
  const widthOfString = font.widthOfString.bind(font);
  let lastText: string | null = null;
  let lastWidth = 0;
  font.encode = (text, features) => {
    const out = encode(text, features);
    lastText = features ? null : text;
    lastWidth = 0;
    for (const p of out[1]) lastWidth += p.xAdvance;
    return out;
  };
  font.widthOfString = (text, size, features) =>
    text === lastText && !features ? lastWidth * (size / 1000) : widthOfString(text, size, features);
};
