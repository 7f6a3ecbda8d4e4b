/**
 * What Apply needs from the diff: the Groups area's AccessDiff reports either the full WhatIf or a
 * summary with counts, so both shapes are read.
 */
export interface DiffGate {
  lockedOut: number | readonly { userId: string }[];
  lockedOutShown?: readonly { userId: string }[];
  refused: readonly unknown[];
}
export const lockoutCount = (d: DiffGate): number => (typeof d.lockedOut === 'number' ? d.lockedOut : d.lockedOut.length);

const USERS_SHOWN = 20;

/** R20 names users: who is left with no roles, and on how many accounts (of the pairs known here). */
export const lockedUsers = (d: DiffGate): string => {
  const pairs = typeof d.lockedOut === 'number' ? (d.lockedOutShown ?? []) : d.lockedOut;
  const per = new Map<string, number>();
  for (const p of pairs) per.set(p.userId, (per.get(p.userId) ?? 0) + 1);
  const list = [...per].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = list.slice(0, USERS_SHOWN).map(([u, n]) => `${u} (${n} account${n === 1 ? '' : 's'})`).join(', ');
  const partial = pairs.length < lockoutCount(d) ? ` — counted over the first ${pairs.length.toLocaleString()} lock-outs` : '';
  return `${shown}${list.length > USERS_SHOWN ? ` and ${(list.length - USERS_SHOWN).toLocaleString()} more users` : ''}${partial}.`;
};

