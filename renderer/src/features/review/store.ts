import { formatIssues, parseSnapshot, type Snapshot } from '../../../../shared/model';
import { decide, newReview, recordPlan, signOff, type ReviewRecord } from '../../../../shared/review/record';
import type { ReviewTarget } from '../../../../shared/review/decisions';
import { cacheAsOf, clockTime, loadSnapshot, unconfirmedOps, type BaselineRow, type RosterDb } from '../../cache';

/** The cache's age: its newest complete scan ("as of") and how many changes wait in the outbox. */
export interface CacheStamp {
  asOf: string | null;
  pending: number;
}

export const cacheStamp = async (db: RosterDb): Promise<CacheStamp> => {
  return { asOf: await cacheAsOf(db), pending: (await unconfirmedOps(db)).length };
};

/** "as of 09:41, 3 changes pending" — on every Review view. */
export const stampText = (s: CacheStamp): string => {
  const time = s.asOf ? clockTime(s.asOf) : 'never refreshed';
  const pending = s.pending === 0 ? 'no changes pending' : `${s.pending} change${s.pending === 1 ? '' : 's'} pending`;
  return `${s.asOf ? `as of ${time}` : time}, ${pending}`;
};

const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Save baseline: the confirmed cache as a named snapshot (what the platform said, not pending changes). */
export const saveBaseline = async (db: RosterDb, name: string): Promise<BaselineRow> => {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A baseline needs a name.');
  const [snapshot, stamp] = await Promise.all([loadSnapshot(db), cacheStamp(db)]);
  const row: BaselineRow = { id: newId('baseline'), name: trimmed, savedAt: new Date().toISOString(), snapshotAt: stamp.asOf, snapshot };
  await db.baselines.put(row);
  return row;
};

export const listBaselines = async (db: RosterDb) =>
  (await db.baselines.orderBy('savedAt').reverse().toArray()).map(({ snapshot: _s, ...meta }) => meta);

/** The snapshot file of a baseline: DESIGN.md's snapshot format, what `roster diff` reads. */
export const baselineFile = async (db: RosterDb, id: string): Promise<{ name: string; text: string }> => {
  const row = await db.baselines.get(id);
  if (!row) throw new Error('That baseline is gone.');
  return { name: `${row.name.replace(/[^\w.-]+/g, '_')}.snapshot.json`, text: JSON.stringify(row.snapshot) };
};

/** Import: every record validated first (DESIGN.md schemas); a bad file changes nothing. */
export const importBaseline = async (db: RosterDb, fileName: string, text: string): Promise<BaselineRow> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${fileName} is not valid JSON: ${(e as Error).message}`);
  }
  const r = parseSnapshot(json);
  if (!r.ok) throw new Error(`${fileName} is not a snapshot:\n${formatIssues(r.issues, 5)}`);
  const row: BaselineRow = { id: newId('baseline'), name: fileName.replace(/\.(snapshot\.)?json$/i, ''), savedAt: new Date().toISOString(), snapshotAt: null, snapshot: r.snapshot };
  await db.baselines.put(row);
  return row;
};

export const baselineSnapshot = async (db: RosterDb, id: string): Promise<Snapshot> => {
  const row = await db.baselines.get(id);
  if (!row) throw new Error('That baseline is gone.');
  return row.snapshot;
};

/** The review being worked on: the newest one not signed off, made on first use. */
export const openReview = async (db: RosterDb, reviewer: string): Promise<ReviewRecord> => {
  const open = (await db.reviews.orderBy('createdAt').reverse().toArray()).find((r) => !r.signedOff);
  if (open) return open;
  const now = new Date().toISOString();
  const r = newReview(newId('review'), `Review ${now.slice(0, 10)}`, reviewer, now, (await cacheStamp(db)).asOf);
  await db.reviews.put(r);
  return r;
};

/** Keep / remove (or clear) one target with an optional note; refused once signed off (shared/review). */
export const setDecision = async (db: RosterDb, id: string, target: ReviewTarget, verdict: 'keep' | 'remove' | null, note?: string): Promise<ReviewRecord> =>
  db.transaction('rw', db.reviews, async () => {
    const r = await db.reviews.get(id);
    if (!r) throw new Error('That review is gone.');
    const next = decide(r, target, verdict, new Date().toISOString(), note);
    await db.reviews.put(next);
    return next;
  });

export const updateReview = async (db: RosterDb, id: string, f: (r: ReviewRecord) => ReviewRecord): Promise<ReviewRecord> =>
  db.transaction('rw', db.reviews, async () => {
    const r = await db.reviews.get(id);
    if (!r) throw new Error('That review is gone.');
    const next = f(r);
    await db.reviews.put(next);
    return next;
  });

export const signOffReview = (db: RosterDb, id: string, by: string) => updateReview(db, id, (r) => signOff(r, by, new Date().toISOString()));
export const notePlan = (db: RosterDb, id: string, ops: number, outcome: string | null, planId?: string) =>
  updateReview(db, id, (r) => recordPlan(r, new Date().toISOString(), ops, outcome, planId));
/** The plan landed: its outcome from History goes into the record (kept with it and in its report). */
export const notePlanOutcome = (db: RosterDb, id: string, outcome: string) =>
  updateReview(db, id, (r) => (r.plan ? { ...r, plan: { ...r.plan, outcome } } : r));
