import type { InputOf, PullResult, QuarantinedRecord } from '../../../shared/ipc';
import type { ConnectionService } from './connection';
import type { Emit, Log } from './types';

/**
 * platform.pull: one object type, every page (QUERY + queryMore), validated record by record,
 * with a pull.progress event after each page. Only an unfiltered scan is complete, so only it
 * lets the cache infer deletions (DESIGN.md, Cache).
 */
export const pull = async (conn: ConnectionService, log: Log, emit: Emit, input: InputOf<'platform.pull'>): Promise<PullResult> => {
  const { objectType, filter } = input;
  const client = await conn.client();
  const records: unknown[] = [];
  const quarantined: QuarantinedRecord[] = [];
  try {
    let pages = 0;
    for await (const page of client.query(objectType, filter)) {
      records.push(...page.records);
      quarantined.push(...page.quarantined);
      pages++;
      emit('pull.progress', { objectType, received: records.length + quarantined.length, total: page.numberOfResults, pages });
    }
    conn.report(null);
  } catch (e) {
    conn.report(e);
    throw e;
  }
  if (quarantined.length) log.warn(`${objectType}: quarantined ${quarantined.length} invalid record(s)`);
  return { objectType, records, quarantined, complete: filter === undefined };
};
