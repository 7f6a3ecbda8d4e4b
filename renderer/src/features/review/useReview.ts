import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../app/db';
import { cacheStamp, stampText } from './store';

/** The stamp every Review view carries: "as of 09:41, 3 changes pending", live. */
export const useStamp = (): { text: string; asOf: string | null } => {
  const s = useLiveQuery(() => cacheStamp(db), []);
  return s ? { text: stampText(s), asOf: s.asOf } : { text: 'reading the cache…', asOf: null };
};

/** The open review (newest not signed off) and every review, live. */
export const useReviews = () => useLiveQuery(() => db.reviews.orderBy('createdAt').reverse().toArray(), []);
