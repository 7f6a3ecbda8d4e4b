import type { PlanOp } from '../../../../shared/plans/types';
import { openRosterDb } from '../../cache';
import { previewAccess, summarise, warmAccessState } from './accessPreview';

/**
 * The what-if runs here, off the UI thread: building the rules engine's indexes over a large
 * cache (100,000 links) and diffing a 20,000-account drop would otherwise freeze the screen.
 * The worker opens the same IndexedDB cache as the page.
 */
export type AccessRequest = { id: number; kind: 'preview'; ops: PlanOp[] } | { id: number; kind: 'warm' };

const scope = self as unknown as { postMessage: (m: unknown) => void; onmessage: ((e: MessageEvent<AccessRequest>) => void) | null };
const db = openRosterDb();

scope.onmessage = (e) => {
  const req = e.data;
  if (req.kind === 'warm') {
    warmAccessState(db, 0);
    return;
  }
  previewAccess(db, req.ops).then(
    (diff) => scope.postMessage({ id: req.id, diff: summarise(diff) }),
    (err: Error) => scope.postMessage({ id: req.id, error: err?.message ?? String(err) }),
  );
};
