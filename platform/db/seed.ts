import type { ObjectType, Snapshot } from '../../shared/model';
import {
  accountGroupAccountId, accountGroupUserRoleId, accountUserRoleId, BUILT_IN_ROLE_ACCOUNT, OBJECT_TYPES, partnerAccountAccessId,
} from '../../shared/model';
import { BUILT_IN_OWNER, recordId } from '../types';
import type { Doc, Q } from './records';

const CHUNK = 20_000;

/** The snapshot's primary account: the root with account groups enabled (R1), else the first root. */
export const primaryOf = (s: Snapshot): string => {
  const roots = s.Account.filter((a) => !a.parentAccountId);
  const primary = roots.find((a) => a.accountGroupsEnabled) ?? roots[0];
  if (!primary) throw new Error('the snapshot has no primary account (an Account without parentAccountId)');
  return primary.accountId;
};

/** Link records may arrive without ids; theirs are synthesised from their parts (shared/model/ids). */
const withId = (type: ObjectType, d: Doc): Doc => {
  if (d.id) return d;
  const s = (k: string) => String(d[k]);
  if (type === 'AccountGroupAccount') return { ...d, id: accountGroupAccountId(s('accountGroupId'), s('accountId')) };
  if (type === 'AccountGroupUserRole') return { ...d, id: accountGroupUserRoleId(s('accountGroupId'), s('userId'), s('roleId')) };
  if (type === 'AccountUserRole') return { ...d, id: accountUserRoleId(s('accountId'), s('userId'), s('roleId')) };
  if (type === 'PartnerAccountAccess') return { ...d, id: partnerAccountAccessId(s('serviceId'), s('accountId'), s('userId')) };
  return d;
};

/** COPY's text format: backslash, tab and line breaks escaped. */
const esc = (x: string): string => x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** The snapshot as COPY text chunks (type, owner, id, doc), in snapshot order. */
function* copyChunks(s: Snapshot, primary: string): Generator<string> {
  let lines: string[] = [];
  for (const type of OBJECT_TYPES) {
    for (const raw of (s[type] ?? []) as Doc[]) {
      const d = withId(type, { ...raw, '@type': type });
      const owner = type === 'Role' && d.accountId === BUILT_IN_ROLE_ACCOUNT ? BUILT_IN_OWNER : primary;
      lines.push(`${type}\t${esc(owner)}\t${esc(recordId(type, d))}\t${esc(JSON.stringify(d))}`);
      if (lines.length >= CHUNK) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}

/**
 * Loads a whole snapshot as one tenant (its primary account), in bulk with COPY. Into an empty
 * database it copies straight into `records` (a duplicate in the snapshot fails the load);
 * otherwise through a staging table, keeping records already there (built-in roles are shared
 * by every tenant). Snapshot order becomes seq order, so scans return records as given.
 */
export const importSnapshot = async (q: Q, s: Snapshot, opts: { fresh?: boolean } = {}): Promise<string> => {
  const primary = primaryOf(s);
  const target = opts.fresh ? 'records' : 'import_stage';
  if (!opts.fresh) {
    await q.query(`create temp table if not exists import_stage (n bigserial, type text, owner text, id text, doc jsonb) on commit drop`);
  }
  for (const chunk of copyChunks(s, primary)) {
    await q.query(`copy ${target} (type, owner, id, doc) from '/dev/blob'`, [], { blob: new Blob([chunk]) });
  }
  if (!opts.fresh) {
    await q.query(`insert into records (type, owner, id, doc) select type, owner, id, doc from import_stage order by n on conflict do nothing`);
  }
  return primary;
};
