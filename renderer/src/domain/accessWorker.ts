import type { PlanOp } from '../../../shared/plans/types';
import { openRosterDb } from '../cache';
import { fullDiffOf, summaryOf, warmAccessState } from './accessPreview';
import { optimisticView, pendingMarks } from './optimisticView';

/**
 * The what-if runs here, off the UI thread: building the rules engine's indexes over a large
 * cache (100,000 links) and diffing a 20,000-account drop would otherwise freeze the screen.
 * The worker opens the same IndexedDB cache as the page and keeps the indexes of the current
 * cache version warm between previews (the page asks for a warm-up at load and after refreshes).
 */
export type AccessRequest = { id: number; kind: 'preview' | 'full'; ops: PlanOp[] } | { id: number; kind: 'warm' } | { id: number; kind: 'marks' };

const scope = self as unknown as { postMessage: (m: unknown) => void; onmessage: ((e: MessageEvent<AccessRequest>) => void) | null };
const db = openRosterDb();

scope.onmessage = (e) => {
  const req = e.data;
  if (req.kind === 'warm') {
    warmAccessState(db, 0);
    return;
  }
  if (req.kind === 'marks') {
    optimisticView(db).then(
      (view) => scope.postMessage({ id: req.id, marks: pendingMarks(view) }),
      (err: Error) => scope.postMessage({ id: req.id, error: err?.message ?? String(err) }),
    );
    return;
  }
  if (req.kind === 'full') {
    optimisticView(db).then(
      ({ state }) => scope.postMessage({ id: req.id, full: fullDiffOf(state, req.ops) }),
      (err: Error) => scope.postMessage({ id: req.id, error: err?.message ?? String(err) }),
    );
    return;
  }
  optimisticView(db).then(
    ({ state }) => scope.postMessage({ id: req.id, diff: summaryOf(state, req.ops) }),
    (err: Error) => scope.postMessage({ id: req.id, error: err?.message ?? String(err) }),
  );
};
