import { openRosterDb } from '../../cache';
import { compareSides, type CompareSide } from './compare';

/**
 * Compare runs here, off the UI thread: two large-tier snapshots mean two index builds and a
 * diff of 100,000 links. The worker opens the same IndexedDB cache as the page.
 */
export type CompareRequest = { id: number; before: CompareSide; after: CompareSide };

const scope = self as unknown as { postMessage: (m: unknown) => void; onmessage: ((e: MessageEvent<CompareRequest>) => void) | null };
const db = openRosterDb();

scope.onmessage = (e) => {
  const { id, before, after } = e.data;
  compareSides(db, before, after).then(
    (result) => scope.postMessage({ id, result }),
    (err: Error) => scope.postMessage({ id, error: err?.message ?? String(err) }),
  );
};
