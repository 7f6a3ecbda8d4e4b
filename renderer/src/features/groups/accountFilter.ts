import type { AccountRow } from './data';
import { matches } from './uiStore';

/**
 * The Accounts tab's filters, outside React: its search, one account status, and pending only
 * (queued adds and removals not yet confirmed by the platform).
 */
export const ANY_STATUS = 'any';

export interface AccountFilter {
  query: string;
  status: string;
  pendingOnly: boolean;
}

export const filterAccounts = (rows: readonly AccountRow[], f: AccountFilter): AccountRow[] =>
  rows.filter((a) => (f.status === ANY_STATUS || a.status === f.status) && (!f.pendingOnly || a.pending !== null) && matches(f.query, a.name, a.accountId, a.status));

/** The one "Show" choice of the toolbar: everything, pending only, or one status. */
export const PENDING_ONLY = 'pending';
export const filterOfChoice = (query: string, choice: string): AccountFilter =>
  choice === PENDING_ONLY ? { query, status: ANY_STATUS, pendingOnly: true } : { query, status: choice, pendingOnly: false };

/**
 * What the closed "Show" box reads: the box is narrow so the toolbar stays on one line at 1280,
 * and "Status: trial" was cut to "Status: t…", leaving the admin unable to tell which filter is on.
 * Its label already says "Show", so one word says the rest; the menu keeps the full choices.
 */
export const choiceLabel = (choice: string): string =>
  choice === ANY_STATUS ? 'All' : choice === PENDING_ONLY ? 'Pending' : choice;

/** The statuses the group's accounts have, for the filter's choices. */
export const statusesOf = (rows: readonly AccountRow[]): string[] => [...new Set(rows.map((a) => a.status))].sort();
