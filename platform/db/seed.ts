import type { ObjectType, Snapshot } from '../../shared/model';
import {
  accountGroupAccountId, accountGroupUserRoleId, accountUserRoleId, BUILT_IN_ROLE_ACCOUNT, OBJECT_TYPES, partnerAccountAccessId,
} from '../../shared/model';
import { BUILT_IN_OWNER, recordId } from '../types';
import type { Doc, Q } from './records';

const CHUNK = 5_000;

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

/**
 * Loads a whole snapshot as one tenant (its primary account), in bulk: each chunk is one INSERT
 * over unnest()ed arrays rather than a statement per row. Records already there are kept.
 */
export const importSnapshot = async (q: Q, s: Snapshot): Promise<string> => {
  const primary = primaryOf(s);
  for (const type of OBJECT_TYPES) {
    const docs = (s[type] ?? []) as Doc[];
    for (let i = 0; i < docs.length; i += CHUNK) {
      const owners: string[] = [];
      const ids: string[] = [];
      const json: string[] = [];
      for (const raw of docs.slice(i, i + CHUNK)) {
        const d = withId(type, { ...raw, '@type': type });
        owners.push(type === 'Role' && d.accountId === BUILT_IN_ROLE_ACCOUNT ? BUILT_IN_OWNER : primary);
        ids.push(recordId(type, d));
        json.push(JSON.stringify(d));
      }
      // WITH ORDINALITY keeps the snapshot's order in seq, so scans return records as given.
      await q.query(
        `insert into records (type, owner, id, doc)
         select $1, o, i, d::jsonb from unnest($2::text[], $3::text[], $4::text[]) with ordinality as t(o, i, d, n)
         order by n
         on conflict do nothing`,
        [type, owners, ids, json],
      );
    }
  }
  return primary;
};
