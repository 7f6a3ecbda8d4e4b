import { buildState, whatIf, type AccessChange, type AccessState, type WhatIf } from '../../../../shared/access';
import { applyOps } from '../../../../shared/plans/apply';
import type { PlanOp } from '../../../../shared/plans/types';
import { cacheVersion, loadSnapshot, unconfirmedOps, type RosterDb } from '../../cache';

/**
 * The rules engine's indexes over the confirmed cache are built once per cache version, so a
 * drop of 20,000 accounts only pays for the what-if itself, not for re-reading the cache.
 */
const memos = new WeakMap<RosterDb, { version: string; state: Promise<AccessState> }>();

const confirmedState = async (db: RosterDb): Promise<AccessState> => {
  const version = await cacheVersion(db);
  let memo = memos.get(db);
  if (memo?.version !== version) memos.set(db, (memo = { version, state: loadSnapshot(db).then(buildState) }));
  return memo.state;
};

/** What-if of `ops` on confirmed ⊕ pending: queued ops are applied first, then the new plan's. */
export const previewAccess = async (db: RosterDb, ops: readonly PlanOp[]): Promise<WhatIf> => {
  const [base, pending] = await Promise.all([confirmedState(db), unconfirmedOps(db)]);
  const withPending = pending.length ? applyOps(base, pending.map((e) => e.op)).state : base;
  return whatIf(withPending, ops);
};

/** Builds the indexes ahead of the first drop, when the browser is idle, so the preview is quick. */
export const warmAccessState = (db: RosterDb, delayMs = 3_000): (() => void) => {
  // Not at once: the first screen's own reads come first.
  const t = setTimeout(() => void confirmedState(db).catch(() => undefined), delayMs);
  return () => clearTimeout(t);
};

/**
 * What the preview shows of a what-if: totals and the first entries. A 20,000-account drop can
 * gain hundreds of thousands of (user, account) pairs; copying them all out of the worker would
 * cost more than computing them.
 */
export interface WhatIfSummary {
  gains: number;
  losses: number;
  lockedOut: number;
  gainsShown: AccessChange[];
  lossesShown: AccessChange[];
  lockedOutShown: WhatIf['lockedOut'];
  refused: WhatIf['refused'];
}

export const SUMMARY_SHOWN = 20;
const LOCKED_SHOWN = 200;

export const summarise = (d: WhatIf): WhatIfSummary => ({
  gains: d.gains.length,
  losses: d.losses.length,
  lockedOut: d.lockedOut.length,
  gainsShown: d.gains.slice(0, SUMMARY_SHOWN),
  lossesShown: d.losses.slice(0, SUMMARY_SHOWN),
  lockedOutShown: d.lockedOut.slice(0, LOCKED_SHOWN),
  refused: d.refused,
});
