import { openRosterDb } from '../../cache';
import { replyWhenDone, type WorkerReply } from '../../domain/workerClient';
import { compareSides, warmSide, type CompareSide } from './compare';

/**
 * Compare runs here, off the UI thread: two large-tier snapshots mean an index build and a diff
 * of 100,000 links. The worker opens the same IndexedDB cache as the page, and keeps the last
 * baseline's indexes between compares (compare.ts).
 */
export type CompareRequest = { id: number; before: CompareSide; after: CompareSide } | { id: number; warm: CompareSide };

const scope = self as unknown as { postMessage: (m: WorkerReply) => void; onmessage: ((e: MessageEvent<CompareRequest>) => void) | null };
const db = openRosterDb();

scope.onmessage = (e) => {
  const req = e.data;
  if ('warm' in req) {
    // A warm-up that fails is forgotten: the compare itself will say why.
    warmSide(db, req.warm).catch(() => undefined);
    return;
  }
  replyWhenDone((m) => scope.postMessage(m), req.id, compareSides(db, req.before, req.after));
};
