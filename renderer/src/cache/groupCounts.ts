import type { ObjectType } from '../../../shared/model';
import type { RosterDb } from './db';

/**
 * Per group: how many accounts it holds and how many distinct users have roles in it, kept by
 * the cache as it writes the link tables. The Groups screen's first render reads 500 small rows
 * instead of 500 index counts and a walk over 10,000 user links (warm first render).
 */
export interface GroupCount {
  objectType: CountedType;
  accountGroupId: string;
  count: number;
}

export type CountedType = 'AccountGroupAccount' | 'AccountGroupUserRole';
export const COUNTED: readonly CountedType[] = ['AccountGroupAccount', 'AccountGroupUserRole'];
export const isCounted = (t: ObjectType): t is CountedType => (COUNTED as readonly string[]).includes(t);

/** Links per group (accounts), or distinct users per group (user roles: one user may hold several roles). */
export const countByGroup = (type: CountedType, rows: readonly { accountGroupId: string; userId?: string }[]): GroupCount[] => {
  const seen = new Map<string, Set<string> | number>();
  for (const r of rows) {
    if (type === 'AccountGroupAccount') seen.set(r.accountGroupId, ((seen.get(r.accountGroupId) as number | undefined) ?? 0) + 1);
    else {
      let users = seen.get(r.accountGroupId) as Set<string> | undefined;
      if (!users) seen.set(r.accountGroupId, (users = new Set()));
      users.add(r.userId ?? '');
    }
  }
  return [...seen].map(([accountGroupId, v]) => ({ objectType: type, accountGroupId, count: typeof v === 'number' ? v : v.size }));
};

/**
 * Replaces one link type's counts; called inside the scan's transaction with the table's whole
 * content after the write, so counts and links never disagree.
 */
export const replaceGroupCounts = async (db: RosterDb, type: CountedType, rows: readonly { accountGroupId: string; userId?: string }[]): Promise<void> => {
  await db.groupCounts.where('objectType').equals(type).delete();
  await db.groupCounts.bulkPut(countByGroup(type, rows));
};

export interface GroupCounts {
  accounts: Map<string, number>;
  users: Map<string, number>;
}

export const loadGroupCounts = async (db: RosterDb): Promise<GroupCounts> => {
  const accounts = new Map<string, number>();
  const users = new Map<string, number>();
  for (const c of await db.groupCounts.toArray()) (c.objectType === 'AccountGroupAccount' ? accounts : users).set(c.accountGroupId, c.count);
  return { accounts, users };
};
