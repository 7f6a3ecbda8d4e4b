import { type AccessState } from '../../../shared/access';
import { userName } from '../../../shared/access/reach';
import { neverSignedInOf, notificationsOf, whatIf, whatIfSummary, type AccessChange, type DiffDigest, type Notifications, type NotSignedIn, type WhatIf } from '../../../shared/plans';
import type { PlanOp } from '../../../shared/plans/types';
import type { RosterDb } from '../cache';
import { confirmedState, optimisticView } from './optimisticView';

/** What-if of `ops` on confirmed ⊕ pending: queued ops are applied first, then the new plan's. */
export const previewAccess = async (db: RosterDb, ops: readonly PlanOp[]): Promise<WhatIf> => whatIf((await optimisticView(db)).state, ops);

/**
 * A throw-away what-if after the warm-up's build (only there, where previews run — not on every
 * cache version's build), so the first real drop runs optimised code: a
 * cold what-if of 1,300 accounts took 160 ms in the worker, a warm one a fraction of that.
 */
const WARM_UP_ACCOUNTS = 2_000;
const warmUpWhatIf = (state: AccessState): AccessState => {
  const groups = state.groups.keys().map((id) => state.groups.get(id)!);
  const all = groups.find((g) => g.defaultGroup);
  const other = groups.find((g) => !g.defaultGroup);
  if (all && other) {
    const accountIds = [...(state.groupAccounts.get(all.id) ?? [])].slice(0, WARM_UP_ACCOUNTS);
    whatIfSummary(state, [{ op: 'group.addAccounts', groupId: other.id, accountIds }], 1);
  }
  return state;
};

/** Builds the indexes ahead of the first drop, when the browser is idle, so the preview is quick. */
export const warmAccessState = (db: RosterDb, delayMs = 3_000): (() => void) => {
  // Not at once: the first screen's own reads come first.
  const t = setTimeout(() => void confirmedState(db).then(warmUpWhatIf).catch(() => undefined), delayMs);
  return () => clearTimeout(t);
};

/**
 * What the preview shows of a what-if: totals and the first entries. A 20,000-account drop can
 * gain hundreds of thousands of (user, account) pairs; building them all, let alone copying
 * them out of the worker, would cost more than the preview may take.
 */
export interface WhatIfSummary {
  gains: number;
  losses: number;
  lockedOut: number;
  gainsShown: AccessChange[];
  lossesShown: AccessChange[];
  lockedOutShown: WhatIf['lockedOut'];
  refused: WhatIf['refused'];
  /** (user, account) pairs whose last direct role goes: the platform removes the user from the account. */
  leavesAccount: number;
  /** The e-mails the platform would send for the plan's adds if told to notify (its default). */
  notifications: Notifications;
  /** Users the cache knows have never signed in whom the plan adds to a group: the platform refuses them. */
  neverSignedIn: NotSignedIn[];
  /** Every pair grouped by role and by user ("48 users gain Support on 231 accounts"). */
  digest: DiffDigest;
  /** Names of the accounts in the shown entries, when the summary was made where the state is. */
  accountNames?: Record<string, string>;
  /** Names of the users in the shown entries and the digest's by-user lists, made where the state is too. */
  userNames?: Record<string, string>;
}

export const SUMMARY_SHOWN = 20;
const LOCKED_SHOWN = 200;

/** The names of the accounts the listed changes touch (the id where the cache has no name). */
const accountNamesOf = (state: AccessState, lists: readonly (readonly { accountId: string }[])[]): Record<string, string> => {
  const names: Record<string, string> = {};
  for (const list of lists) for (const c of list) names[c.accountId] ??= state.accounts.get(c.accountId)?.name ?? c.accountId;
  return names;
};

/**
 * The names of the users the listed entries name (the e-mail where the cache has none): one
 * look-up per distinct user, so a preview shows each person by name and e-mail (Person).
 */
const userNamesOf = (state: AccessState, lists: readonly (readonly { userId: string }[])[]): Record<string, string> => {
  const names: Record<string, string> = {};
  for (const list of lists) for (const c of list) names[c.userId] ??= userName(state, c.userId);
  return names;
};

/** The preview's summary, counted without building every entry (shared/access whatIfSummary). */
export const summaryOf = (state: AccessState, ops: readonly PlanOp[]): WhatIfSummary => {
  const d = whatIfSummary(state, ops, LOCKED_SHOWN);
  const summary: WhatIfSummary = {
    gains: d.totals.gains,
    losses: d.totals.losses,
    lockedOut: d.totals.lockedOut,
    gainsShown: d.gains.slice(0, SUMMARY_SHOWN),
    lossesShown: d.losses.slice(0, SUMMARY_SHOWN),
    lockedOutShown: d.lockedOut,
    refused: d.refused,
    leavesAccount: d.totals.leavesAccount,
    notifications: notificationsOf(state, ops),
    neverSignedIn: neverSignedInOf(state, ops),
    digest: d.digest,
  };
  const shown = [summary.gainsShown, summary.lossesShown, summary.lockedOutShown];
  const { gains, losses, lockedOut, leavesAccount } = summary.digest;
  return {
    ...summary,
    accountNames: accountNamesOf(state, shown),
    userNames: userNamesOf(state, [...shown, gains.byUser, losses.byUser, lockedOut, leavesAccount]),
  };
};

export const previewSummary = async (db: RosterDb, ops: readonly PlanOp[]): Promise<WhatIfSummary> => summaryOf((await optimisticView(db)).state, ops);

/** Every entry of a what-if with its accounts' names: asked for only when the admin opens the full list or its CSV. */
export interface FullDiff extends WhatIf {
  accountNames: Record<string, string>;
  userNames: Record<string, string>;
}

export const fullDiffOf = (state: AccessState, ops: readonly PlanOp[]): FullDiff => {
  const d = whatIf(state, ops);
  const lists = [d.gains, d.losses, d.lockedOut];
  return { ...d, accountNames: accountNamesOf(state, lists), userNames: userNamesOf(state, lists) };
};

export const previewFull = async (db: RosterDb, ops: readonly PlanOp[]): Promise<FullDiff> => fullDiffOf((await optimisticView(db)).state, ops);
