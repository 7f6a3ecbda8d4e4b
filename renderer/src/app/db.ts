import { openRosterDb } from '../cache';

/** The one cache of this window. */
export const db = openRosterDb();
