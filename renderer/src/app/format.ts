/**
 * One shared number formatter: Number#toLocaleString builds a new Intl formatter per call, which
 * costs close to a millisecond each, and the group list formats two counts for each of 500 groups.
 */
const numbers = new Intl.NumberFormat();

export const fmt = (n: number): string => numbers.format(n);

/** "1 account", "20,000 accounts". */
export const plural = (n: number, word: string): string => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;
