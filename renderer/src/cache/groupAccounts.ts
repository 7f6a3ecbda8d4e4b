import type { Table } from 'dexie';
import type { Cached } from './keys';

/**
 * The AccountGroupAccount links, stored one IndexedDB row per group holding that group's links.
 * At the large tier that is 500 rows for 100,000 links: IndexedDB costs about the same per row
 * whatever its size, so a cold pull writes the links some fifty times faster than row by row
 * (≥ 20,000 records/s), and a group page reads its accounts with one get instead of a
 * 20,000-row index range. Read them through groupAccountIds / allAccountLinks, never row by row.
 */
export type AccountLink = Cached<'AccountGroupAccount'>;

export interface GroupAccounts {
  accountGroupId: string;
  /** The group's links as the platform sent them (plus the cache key), in the platform's order. */
  links: AccountLink[];
}

export type GroupAccountsTable = Table<GroupAccounts, string>;

export const byGroup = (links: readonly AccountLink[]): Map<string, AccountLink[]> => {
  const groups = new Map<string, AccountLink[]>();
  for (const l of links) {
    let list = groups.get(l.accountGroupId);
    if (!list) groups.set(l.accountGroupId, (list = []));
    list.push(l);
  }
  return groups;
};

/** The accounts a group holds on the platform (confirmed), in the platform's order. */
export const groupAccountIds = async (db: { AccountGroupAccount: GroupAccountsTable }, groupId: string): Promise<string[]> =>
  ((await db.AccountGroupAccount.get(groupId))?.links ?? []).map((l) => l.accountId);

/** Every link, flat: what the snapshot and the rules engine read. */
export const allAccountLinks = async (table: GroupAccountsTable): Promise<AccountLink[]> => (await table.toArray()).flatMap((g) => g.links);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** How many of `next` differ from `prev` (by key), and how many of `prev` are gone from `next`. */
const linkDiff = (prev: readonly AccountLink[], next: readonly AccountLink[]): { written: number; deleted: number } => {
  const old = new Map(prev.map((l) => [l.key, l] as const));
  const keys = new Set(next.map((l) => l.key));
  const written = next.filter((l) => !old.has(l.key) || !same(old.get(l.key), l)).length;
  return { written, deleted: prev.filter((l) => !keys.has(l.key)).length };
};

/**
 * Writes a scan of the links inside the caller's transaction. A complete scan replaces each
 * group's links and removes groups it no longer names (deletions only from complete scans,
 * DESIGN.md); a partial scan merges its links into their groups and removes nothing. Only groups
 * whose links changed are rewritten.
 */
export const writeGroupAccounts = async (table: GroupAccountsTable, links: AccountLink[], complete: boolean): Promise<{ written: number; deleted: number }> => {
  const fresh = byGroup(links);
  if ((await table.count()) === 0) {
    await table.bulkPut([...fresh].map(([accountGroupId, list]) => ({ accountGroupId, links: list })));
    return { written: links.length, deleted: 0 };
  }
  const stored = new Map((await table.toArray()).map((g) => [g.accountGroupId, g.links] as const));
  const puts: GroupAccounts[] = [];
  let written = 0;
  let deleted = 0;
  for (const [accountGroupId, list] of fresh) {
    const prev = stored.get(accountGroupId) ?? [];
    const next = complete ? list : [...new Map([...prev, ...list].map((l) => [l.key, l] as const)).values()];
    const d = linkDiff(prev, next);
    if (d.written === 0 && d.deleted === 0) continue;
    written += d.written;
    deleted += d.deleted;
    puts.push({ accountGroupId, links: next });
  }
  const gone = complete ? [...stored.keys()].filter((g) => !fresh.has(g)) : [];
  for (const g of gone) deleted += stored.get(g)!.length;
  if (gone.length) await table.bulkDelete(gone);
  if (puts.length) await table.bulkPut(puts);
  return { written, deleted };
};
