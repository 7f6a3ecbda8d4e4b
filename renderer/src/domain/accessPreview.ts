import { buildState, whatIf, whatIfSummary, type AccessChange, type AccessState, type WhatIf } from '../../../shared/access';
import { applyOps } from '../../../shared/plans/apply';
import type { PlanOp } from '../../../shared/plans/types';
import { cacheVersion, loadSnapshot, unconfirmedOps, type RosterDb } from '../cache';

/**
 * The rules engine's indexes over the confirmed cache are built once per cache version, so a
 * drop of 20,000 accounts only pays for the what-if itself, not for re-reading the cache.
 */
const memos = new WeakMap<RosterDb, { version: string; state: Promise<AccessState> }>();

const confirmedState = async (db: RosterDb): Promise<AccessState> => {
  const version = await cacheVersion(db);
  let memo = memos.get(db);
  if (memo?.version !== version) memos.set(db, (memo = { version, state: loadSnapshot(db).then(buildState).then(warmUpWhatIf) }));
  return memo.state;
};

/**
 * A throw-away what-if right after the build, so the first real drop runs optimised code: a
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

/** confirmed ⊕ pending, re-applied only when the cache or the outbox changed since the last preview. */
const optimistic = new WeakMap<RosterDb, { key: string; base: AccessState; state: AccessState }>();

export const optimisticState = async (db: RosterDb): Promise<AccessState> => {
  const [base, pending] = await Promise.all([confirmedState(db), unconfirmedOps(db)]);
  if (!pending.length) return base;
  const key = pending.map((e) => `${e.id}:${e.status}`).join(',');
  const memo = optimistic.get(db);
  if (memo?.base === base && memo.key === key) return memo.state;
  const state = applyOps(base, pending.map((e) => e.op)).state;
  optimistic.set(db, { key, base, state });
  return state;
};

/** What-if of `ops` on confirmed ⊕ pending: queued ops are applied first, then the new plan's. */
export const previewAccess = async (db: RosterDb, ops: readonly PlanOp[]): Promise<WhatIf> => whatIf(await optimisticState(db), ops);

/** Builds the indexes ahead of the first drop, when the browser is idle, so the preview is quick. */
export const warmAccessState = (db: RosterDb, delayMs = 3_000): (() => void) => {
  // Not at once: the first screen's own reads come first.
  const t = setTimeout(() => void confirmedState(db).catch(() => undefined), delayMs);
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
  /** Names of the accounts in the shown entries, when the summary was made where the state is. */
  accountNames?: Record<string, string>;
}

export const SUMMARY_SHOWN = 20;
const LOCKED_SHOWN = 200;

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
  };
  const accountNames: Record<string, string> = {};
  for (const c of [...summary.gainsShown, ...summary.lossesShown, ...summary.lockedOutShown]) {
    accountNames[c.accountId] ??= state.accounts.get(c.accountId)?.name ?? c.accountId;
  }
  return { ...summary, accountNames };
};

export const previewSummary = async (db: RosterDb, ops: readonly PlanOp[]): Promise<WhatIfSummary> => summaryOf(await optimisticState(db), ops);
