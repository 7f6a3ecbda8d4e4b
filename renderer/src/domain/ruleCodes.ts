/**
 * Rule codes (R1…R29) are for the curious: screens show the sentence without them and put the
 * codes in a tooltip. This takes them out of a sentence the domain wrote with them:
 * "… cannot be renamed (R3)." → "… cannot be renamed.", ["R3"];
 * "(User Management, R6)" → "(User Management)"; "R15, R19: …" → "…".
 */
const CODE = String.raw`R\d+(?:\s*[–-]\s*R\d+)?`;
const LIST = `${CODE}(?:\\s*,\\s*${CODE})*`;
const CODES = new RegExp(CODE, 'g');

export const splitRuleCodes = (text: string): { plain: string; codes: string[] } => {
  const codes: string[] = [];
  const take = (s: string) => void codes.push(...(s.match(CODES) ?? []).map((c) => c.replace(/\s+/g, '')));
  const plain = text
    // "R15, R19: sentence" at the start: the sentence, now first, starts with a capital.
    .replace(new RegExp(`^(${LIST}):\\s*(.?)`), (_m, l: string, first: string) => (take(l), first.toUpperCase()))
    // " (R3)" or " (R15, R19)": the whole parenthesis goes.
    .replace(new RegExp(`\\s*\\((${LIST})\\)`, 'g'), (_m, l: string) => (take(l), ''))
    // "(User Management, R6)", "(not capped, R10)": the code goes, the words stay.
    .replace(new RegExp(`,\\s*(${LIST})\\)`, 'g'), (_m, l: string) => (take(l), ')'))
    // " · capped, R10" or "…, R10." inside a sentence.
    .replace(new RegExp(`,\\s*(${LIST})(?=[.;:]|$)`, 'g'), (_m, l: string) => (take(l), ''));
  return { plain, codes: [...new Set(codes)] };
};

/** The tooltip's words for the codes taken out: "Rule R3", "Rules R15, R19". */
export const ruleTip = (codes: readonly string[]): string => (codes.length ? `${codes.length === 1 ? 'Rule' : 'Rules'} ${codes.join(', ')}` : '');
