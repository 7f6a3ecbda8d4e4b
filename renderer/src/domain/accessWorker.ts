import type { PlanOp } from '../../../shared/plans/types';
import { openRosterDb } from '../cache';
import { fullDiffOf, summaryOf, warmAccessState } from './accessPreview';
import { optimisticView, pendingMarks } from './optimisticView';
import { replyWhenDone, type WorkerReply } from './workerClient';

/**
 * The what-if runs here, off the UI thread: building the rules engine's indexes over a large
 * cache (100,000 links) and diffing a 20,000-account drop would otherwise freeze the screen.
 * The worker opens the same IndexedDB cache as the page and keeps the indexes of the current
 * cache version warm between previews (the page asks for a warm-up at load and after refreshes).
 */
export type AccessRequest = { id: number; kind: 'preview' | 'full'; ops: PlanOp[] } | { id: number; kind: 'warm' } | { id: number; kind: 'marks' };

const scope = self as unknown as { postMessage: (m: WorkerReply) => void; onmessage: ((e: MessageEvent<AccessRequest>) => void) | null };
const db = openRosterDb();

const reply = (m: WorkerReply) => scope.postMessage(m);

scope.onmessage = (e) => {
  const req = e.data;
  if (req.kind === 'warm') warmAccessState(db, 0);
  else if (req.kind === 'marks') replyWhenDone(reply, req.id, optimisticView(db).then(pendingMarks));
  else if (req.kind === 'full') replyWhenDone(reply, req.id, optimisticView(db).then(({ state }) => fullDiffOf(state, req.ops)));
  else replyWhenDone(reply, req.id, optimisticView(db).then(({ state }) => summaryOf(state, req.ops)));
};
