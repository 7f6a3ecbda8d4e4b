import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AccessState } from '../../../shared/access';
import { db } from '../app/db';
import { cacheVersion, viewEntries } from '../cache';
import { optimisticView, viewKey } from './optimisticView';

/**
 * The optimistic view (optimisticView.ts) for the Resources, Access explorer, Partner and Sync
 * areas, live: re-read whenever the confirmed cache or the outbox changes. All of them share one
 * view per cache version and outbox state.
 */
export interface LiveAccess {
  state: AccessState;
  /** Changes whenever the confirmed cache or the outbox changes. */
  version: string;
  /** Ops in the view: queued, sending, or landed and not yet refreshed. */
  pending: number;
}

/** undefined while the cache is read; then re-computed whenever the cache or the outbox changes. */
export const useAccessState = (): LiveAccess | undefined => {
  const key = useLiveQuery(async () => viewKey(await cacheVersion(db), await viewEntries(db)), []);
  const [live, setLive] = useState<LiveAccess>();
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    void optimisticView(db).then((v) => {
      if (current) setLive({ state: v.state, version: v.key, pending: v.ops.length });
    });
    return () => {
      current = false;
    };
  }, [key]);
  return live;
};
