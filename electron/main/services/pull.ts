import { queryAll } from '../../../shared/api';
import type { InputOf, PullResult } from '../../../shared/ipc';
import type { ConnectionService } from './connection';
import type { Log } from './types';

/**
 * platform.pull: one object type, every page (QUERY + queryMore), validated record by record.
 * Only an unfiltered scan is complete, so only it lets the cache infer deletions (DESIGN.md, Cache).
 */
export const pull = async (conn: ConnectionService, log: Log, input: InputOf<'platform.pull'>): Promise<PullResult> => {
  const client = await conn.client();
  try {
    const { records, quarantined } = await queryAll(client, input.objectType, input.filter);
    conn.report(null);
    if (quarantined.length) log.warn(`${input.objectType}: quarantined ${quarantined.length} invalid record(s)`);
    return { objectType: input.objectType, records, quarantined, complete: input.filter === undefined };
  } catch (e) {
    conn.report(e);
    throw e;
  }
};
