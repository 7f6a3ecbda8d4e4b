import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  accessStateOf, lastChangeText, lastChanged, snapshotStateOf, subjectKey, type AppliedPlan, type ChangeSubject, type TimedSnapshot,
} from '../../../../shared/review';
import { db } from '../../app/db';
import { cacheAsOf, cacheVersion, clockTime } from '../../cache';
import { confirmedState } from '../../domain/optimisticView';

interface Timeline {
  snapshots: TimedSnapshot[];
  history: AppliedPlan[];
}

const TimelineContext = createContext<Timeline | null>(null);

/**
 * What "when it last changed" is read from, once for the whole Review section: the baselines
 * whose scan time is known (an imported file's is not: it cannot be placed), the confirmed cache
 * as the latest refresh (not the queued changes: they have not happened), and History.
 */
export const LastChangeProvider = ({ children }: { children: ReactNode }) => {
  const baselines = useLiveQuery(() => db.baselines.toArray(), []);
  const history = useLiveQuery(() => db.history.toArray(), []);
  const cache = useLiveQuery(async () => ({ version: await cacheVersion(db), asOf: await cacheAsOf(db) }), []);
  const [refresh, setRefresh] = useState<TimedSnapshot | null>(null);
  useEffect(() => {
    if (!cache?.asOf) return;
    let current = true;
    const at = cache.asOf;
    void confirmedState(db, cache.version).then((s) => current && setRefresh({ kind: 'refresh', at, stateOf: accessStateOf(s) }));
    return () => {
      current = false;
    };
  }, [cache?.version, cache?.asOf]);
  const timeline = useMemo<Timeline | null>(() => {
    if (!baselines || !history) return null;
    const saved: TimedSnapshot[] = baselines
      .filter((b) => b.snapshotAt)
      .map((b) => ({ kind: 'baseline', name: b.name, at: b.snapshotAt!, savedAt: b.savedAt, stateOf: snapshotStateOf(b.snapshot) }));
    return { snapshots: refresh ? [...saved, refresh] : saved, history };
  }, [baselines, history, refresh]);
  return <TimelineContext.Provider value={timeline}>{children}</TimelineContext.Provider>;
};

/** "2 Dec 09:41": a day and the clock time as the stamps read it. */
export const dayTime = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'short' })} ${clockTime(iso)}`;
};

/** When a reviewed row last changed, in words (the logic is shared/review's lastChanged). */
export const LastChanged = ({ subject }: { subject: ChangeSubject }) => {
  const timeline = useContext(TimelineContext);
  const key = subjectKey(subject);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the subject's key is its identity
  const text = useMemo(() => (timeline ? lastChangeText(lastChanged(subject, timeline.snapshots, timeline.history), dayTime) : null), [timeline, key]);
  return (
    <Typography variant="body2" color="text.secondary" data-testid="last-changed">
      Last change: {text ?? 'reading baselines and History…'}
    </Typography>
  );
};
