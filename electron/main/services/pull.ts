import { createHash } from 'node:crypto';
import { queryAll } from '../../../shared/api';
import { messageOf } from '../../../shared/api/sync';
import { isAbsent, readSsoConfigs } from '../../../shared/sync/pull';
import type { InputOf, PullResult, QuarantinedRecord } from '../../../shared/ipc';
import { readGroupResources } from '../../../shared/sync/pull';
import { markVendorShapedAccounts } from '../../../shared/access/supportAccess';
import type { Account } from '../../../shared/model';
import type { ConnectionService } from './connection';
import type { Emit, Log } from './types';

/**
 * SHA-256 of a scan as main hands it over: the same platform data always hashes the same, so
 * a renderer that already holds it (knownHash) is told "unchanged" instead of being sent it all
 * again. Records are hashed one by one: no 20 MB string for 100,000 group links.
 */
const scanHash = (records: readonly unknown[], quarantined: readonly QuarantinedRecord[]): string => {
  const h = createHash('sha256');
  for (const r of records) h.update(JSON.stringify(r)).update('\n');
  h.update(`quarantined:${quarantined.length}\n`);
  for (const q of quarantined) h.update(JSON.stringify(q)).update('\n');
  return `sha256:${h.digest('base64url')}:${records.length}`;
};

/**
 * platform.pull: one object type, every page (QUERY + queryMore), validated record by record,
 * with a pull.progress event after each page. Only an unfiltered scan is complete, so only it
 * lets the cache infer deletions (DESIGN.md, Cache), and only it is hashed: a renderer whose
 * knownHash matches gets `unchanged` and no records (a per-scope hash, so an unchanged scope costs no transfer or write).
 */
export const pull = async (conn: ConnectionService, log: Log, emit: Emit, input: InputOf<'platform.pull'>): Promise<PullResult> => {
  const { objectType, filter } = input;
  const client = await conn.client();
  // A type the platform was probed not to offer: none of it, and no request (one probe per connection).
  if (conn.lacks(objectType)) return { objectType, records: [], quarantined: [], complete: filter === undefined };
  let records: unknown[] = [];
  const quarantined: QuarantinedRecord[] = [];
  try {
    let pages = 0;
    if (objectType === 'AccountSSOConfig') {
      // The vendor has no AccountSSOConfig QUERY (POST AccountSSOConfig/query is an UPDATE there):
      // read it by bulk GET of every account id, 100 a call.
      const accounts = await queryAll(client, 'Account');
      records.push(...(await readSsoConfigs(client, accounts.records.map((a) => a.accountId))).records);
      emit('pull.progress', { objectType, received: records.length, total: records.length, pages: 1 });
    } else for await (const page of client.query(objectType, filter)) {
      records.push(...page.records);
      quarantined.push(...page.quarantined);
      pages++;
      emit('pull.progress', { objectType, received: records.length + quarantined.length, total: page.numberOfResults, pages });
    }
    conn.report(null);
  } catch (e) {
    // 410 is the vendor's answer for an endpoint it lacks: the platform does not offer this type
    // (an extension), so there is none of it — not an outage.
    if (isAbsent(e) && (e as { status?: number }).status === 410) {
      conn.report(null);
      log.info(`${objectType}: this platform's API does not offer it (${messageOf(e)})`);
      return { objectType, records: [], quarantined: [], complete: filter === undefined };
    }
    conn.report(e);
    throw e;
  }
  if (quarantined.length) log.warn(`${objectType}: quarantined ${quarantined.length} invalid record(s)`);
  if (objectType === 'Account') {
    // What a vendor-shaped Account cannot tell (its Support Access Role…) is marked unknown, not absent.
    const info = await conn.info();
    records = markVendorShapedAccounts(records as Account[], info.accountId, info.missingCapabilities?.includes('accountSettings'));
  }
  if (objectType === 'AccountGroup') await readGroupResources(client, records, (m) => log.warn(m));
  if (filter !== undefined) return { objectType, records, quarantined, complete: false };
  const hash = scanHash(records, quarantined);
  if (input.knownHash === hash) return { objectType, records: [], quarantined: [], complete: true, hash, unchanged: true };
  return { objectType, records, quarantined, complete: true, hash };
};
