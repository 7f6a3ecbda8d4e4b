import Papa from 'papaparse';
import type { AccessChange, DiffDigest, RoleGroup, UserGroup } from '../../../shared/plans';
import { changeLabels } from '../../../shared/plans';
import { fmt, plural } from '../app/format';

/**
 * What a preview says of a plan's access diff, outside React: one sentence per role ("48 users
 * gain Support on 231 accounts"), the rows of its by-role, by-user and every-change tables, their
 * search, and the CSV an admin downloads to check the whole list elsewhere.
 */

export type DiffSide = 'gains' | 'losses' | 'lockedOut';
export type DiffView = 'role' | 'user' | 'pairs';

const VERB: Record<DiffSide, string> = { gains: 'gain', losses: 'lose', lockedOut: 'are locked out of' };

/** "48 users gain Support on 231 accounts"; "1 user loses Standard User on 1 account". */
export const roleSentence = (side: 'gains' | 'losses', g: RoleGroup): string => {
  const verb = g.users === 1 ? (side === 'gains' ? 'gains' : 'loses') : VERB[side];
  return `${plural(g.users, 'user')} ${verb} ${g.role} on ${plural(g.accounts, 'account')}`;
};

/** The sentences of both sides, most pairs first; the rest counted in a last sentence. */
export const headlines = (digest: DiffDigest, max = 4): string[] => {
  const all = [
    ...digest.gains.byRole.map((g) => ({ g, s: roleSentence('gains', g) })),
    ...digest.losses.byRole.map((g) => ({ g, s: roleSentence('losses', g) })),
  ].sort((a, b) => b.g.pairs - a.g.pairs);
  const out = all.slice(0, max).map((x) => x.s);
  if (all.length > max) out.push(`and ${plural(all.length - max, 'other role change')} (see the tables below)`);
  if (digest.lockedOut.length) {
    const n = digest.lockedOut.length;
    out.unshift(`${plural(n, 'user')} ${n === 1 ? 'is' : 'are'} locked out of ${plural(digest.lockedOutAccounts, 'account')}`);
  }
  return out;
};

/** One line of the every-change table (and of the CSV). */
export interface PairRow {
  key: string;
  change: 'gain' | 'loss' | 'locked out';
  userId: string;
  /** The user's name (the e-mail where the cache has none). */
  user: string;
  accountId: string;
  account: string;
  /** Roles, privileges or "access" (changeLabels). */
  what: string;
  via: string;
}

const PAIR_CHANGE: Record<DiffSide, PairRow['change']> = { gains: 'gain', losses: 'loss', lockedOut: 'locked out' };

/** How a preview names what its entries carry as ids. */
export interface DiffNames {
  account: (accountId: string) => string;
  user: (userId: string) => string;
}

export const pairRows = (side: DiffSide, list: readonly (AccessChange | { userId: string; accountId: string })[], names: DiffNames): PairRow[] =>
  list.map((c) => ({
    key: `${c.userId}/${c.accountId}`,
    change: PAIR_CHANGE[side],
    userId: c.userId,
    user: names.user(c.userId),
    accountId: c.accountId,
    account: names.account(c.accountId),
    what: 'roles' in c ? changeLabels(c.roles, c.privileges).join(', ') : 'no roles left',
    via: 'via' in c ? c.via : '',
  }));

/** Case-insensitive search over every word a row shows; all words of the query must match. */
export const searchRows = <R>(rows: readonly R[], query: string, words: (r: R) => readonly string[]): readonly R[] => {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return rows;
  return rows.filter((r) => {
    const text = words(r).join('\u0000').toLowerCase();
    return terms.every((t) => text.includes(t));
  });
};

export const roleWords = (g: RoleGroup): string[] => [g.role];
/** A by-user row is found by the user's name as well as the e-mail. */
export const userWords =
  (name: (userId: string) => string) =>
  (u: UserGroup): string[] => [u.userId, name(u.userId), ...u.roles];
export const pairWords = (p: PairRow): string[] => [p.userId, p.user, p.accountId, p.account, p.what, p.via];

/** The preview's own download (no other tool reads it): the user's name beside the e-mail, as on screen. */
export const CSV_FIELDS = ['change', 'userId', 'userName', 'accountId', 'account', 'roles', 'via'] as const;

/** Every pair of the diff, one per line with a header: the preview's "Download CSV". */
export const diffCsv = (rows: readonly PairRow[]): string =>
  Papa.unparse({ fields: [...CSV_FIELDS], data: rows.map((r) => [r.change, r.userId, r.user, r.accountId, r.account, r.what, r.via]) }, { newline: '\n' });

/** The CSV's file name: what it is and when it was made. */
export const diffCsvName = (now: Date): string => `roster-access-changes-${now.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.csv`;

/** "Gains (8,684)". */
export const sideTitle = (side: DiffSide, total: number): string => `${side === 'gains' ? 'Gains' : side === 'losses' ? 'Losses' : 'Locked out'} (${fmt(total)})`;
