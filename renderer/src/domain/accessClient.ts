import type { PlanOp } from '../../../shared/plans/types';
import { db } from '../app/db';
import { useConnection } from '../app/connectionStore';
import { previewFull, previewSummary, warmAccessState, type FullDiff, type WhatIfSummary } from './accessPreview';
import type { AccessRequest } from './accessWorker';
import { optimisticView, pendingMarks, type PendingMarks } from './optimisticView';
import { workerClient } from './workerClient';

/** One access worker per window; where workers are unavailable the what-if runs in the page. */
const { ask, tell } = workerClient<AccessRequest>('access', () => new Worker(new URL('./accessWorker.ts', import.meta.url), { type: 'module' }));

const request = (ops: readonly PlanOp[]): Promise<WhatIfSummary> =>
  ask((id) => ({ id, kind: 'preview', ops: ops as PlanOp[] }), () => previewSummary(db, ops));

/** The Groups area's pending marks (optimisticView.ts), made where the indexes are. */
export const pendingMarksOffThread = (): Promise<PendingMarks> =>
  ask((id) => ({ id, kind: 'marks' }), async () => pendingMarks(await optimisticView(db)));

/** Every entry of the plan's what-if, for the preview's full list and CSV (asked for on demand). */
export const fullAccessOffThread = (ops: readonly PlanOp[]): Promise<FullDiff> =>
  ask((id) => ({ id, kind: 'full', ops: ops as PlanOp[] }), () => previewFull(db, ops));

/** A preview asked for when the plan is made (`prefetchAccessPreview`), reused by the dialog that shows it. */
const early = new WeakMap<readonly PlanOp[], { at: number; diff: Promise<WhatIfSummary> }>();
const EARLY_FOR_MS = 5_000;

export const previewAccessOffThread = (ops: readonly PlanOp[]): Promise<WhatIfSummary> => {
  const known = early.get(ops);
  early.delete(ops);
  if (known && performance.now() - known.at < EARLY_FOR_MS) return known.diff;
  return request(ops);
};

/** Starts a what-if whose result a plan will adopt (`adoptAccessPreview`) once it is made. */
export const startAccessPreview = (ops: readonly PlanOp[]): Promise<WhatIfSummary> => {
  const diff = request(ops);
  diff.catch(() => undefined);
  return diff;
};

/** `ops` will be shown with `diff`: the caller vouches that their what-ifs are the same. */
export const adoptAccessPreview = (ops: readonly PlanOp[], diff: Promise<WhatIfSummary>): void => {
  early.set(ops, { at: performance.now(), diff });
};

/**
 * Starts the what-if of a plan as soon as it is made, so it runs while the preview dialog
 * renders; the dialog's `previewAccessOffThread(ops)` with the same ops array picks it up.
 */
export const prefetchAccessPreview = (ops: readonly PlanOp[]): void => adoptAccessPreview(ops, startAccessPreview(ops));

/** Builds the indexes in the worker (once per cache version: a no-op when they are current). */
export const warmAccessOffThread = (): void => {
  if (!tell((id) => ({ id, kind: 'warm' }))) warmAccessState(db, 0);
};

/**
 * drop → preview under 1 s at 20,000 accounts. The indexes are built at load, not at
 * the first drop — shortly after the window opens (its first screen reads come first) and
 * again whenever a refresh lands — so a drop pays only for its what-if.
 */
const WARM_AFTER_LOAD_MS = 1_500;
let keepingWarm = false;

export const keepAccessIndexWarm = (): void => {
  if (keepingWarm || typeof Worker === 'undefined') return;
  keepingWarm = true;
  setTimeout(warmAccessOffThread, WARM_AFTER_LOAD_MS);
  useConnection.subscribe((s, prev) => {
    if (s.lastRefresh !== prev.lastRefresh) warmAccessOffThread();
  });
};

keepAccessIndexWarm();
