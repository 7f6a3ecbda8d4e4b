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
  if (objectType === 'AccountGroup') await withGroupResources(client, log, records);
  return { objectType, records, quarantined, complete: filter === undefined };
};

/**
 * QUERY leaves AccountGroup.Resources out (as the vendor's API does), so each group is read once
 * more with GET for its shared resources (R22–R24). A group whose GET fails keeps its QUERY record.
 */
const withGroupResources = async (client: Awaited<ReturnType<ConnectionService['client']>>, log: Log, records: unknown[]): Promise<void> => {
  for (const [i, rec] of records.entries()) {
    const id = (rec as { id?: unknown }).id;
    if (typeof id !== 'string') continue;
    try {
      records[i] = await client.get('AccountGroup', id);
    } catch (e) {
      log.warn(`AccountGroup ${id}: could not read its resources (${e instanceof Error ? e.message : String(e)})`);
    }
  }
};
