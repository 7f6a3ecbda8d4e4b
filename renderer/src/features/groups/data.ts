import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Resource } from '../../../../shared/model';
import { provisionalName } from '../../../../shared/plans/ids';
import { db } from '../../app/db';
import { useConnection } from '../../app/connectionStore';
import { cacheVersion, FULL_SCOPE, groupAccountIds, loadGroupCounts, viewEntries } from '../../cache';
import { pendingMarksOffThread } from '../../domain/accessClient';
import { NO_MARKS, viewKey, type PendingMarks } from '../../domain/optimisticView';
import { mergeMembers, mergeUserRoles, usersInView, type Pending } from './marks';
import type { PrimaryAccountRef } from '../../domain/groupPlans';

/** Reads for the Groups area: live Dexie queries of the confirmed tables ⊕ the optimistic view's marks. */

export interface GroupRow {
  id: string;
  name: string;
  defaultGroup: boolean;
  /** Accounts and users in the optimistic view: confirmed, less pending removals, plus pending additions. */
  accountCount: number;
  userCount: number;
  pendingAdds: number;
  pendingRemoves: number;
  /** False until the first complete scan of the group links: the counts are not known yet. */
  countsKnown: boolean;
  /** 'created': queued, not yet on the platform; 'renamed': a rename is queued. */
  pending: 'created' | 'renamed' | null;
  resources: Resource[];
}

/**
 * The optimistic view's marks (domain/optimisticView.ts), made in the access worker whenever the
 * cache or the outbox changes. The last marks stay until the next arrive: they hold each link's
 * value in the view, so they stay right while a refresh rewrites the confirmed tables.
 */
export const usePendingMarks = (): PendingMarks => {
  const key = useLiveQuery(async () => viewKey(await cacheVersion(db), await viewEntries(db)), []);
  const [marks, setMarks] = useState<PendingMarks>(NO_MARKS);
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    pendingMarksOffThread().then(
      (m) => current && setMarks(m),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [key]);
  return marks;
};

const linksScanned = async (): Promise<boolean> => {
  const [accounts, users] = await Promise.all([db.syncState.get(['AccountGroupAccount', FULL_SCOPE]), db.syncState.get(['AccountGroupUserRole', FULL_SCOPE])]);
  return !!accounts?.lastCompleteScan && !!users?.lastCompleteScan;
};

const loadGroups = async (marks: PendingMarks): Promise<GroupRow[]> => {
  const groups = await db.AccountGroup.toArray();
  // Per-group counts are kept by the cache as it writes the links (cache/groupCounts.ts): one
  // read of 500 small rows, not 500 index counts and a walk over 10,000 user links. Only the
  // groups queued ops touch read their links, to count them as the view has them.
  const [counts, countsKnown] = await Promise.all([loadGroupCounts(db), linksScanned()]);
  const row = async (id: string, confirmedName: string | null, defaultGroup: boolean, resources: Resource[]): Promise<GroupRow> => {
    const m = marks.groups[id];
    let accountCount = counts.accounts.get(id) ?? 0;
    let userCount = counts.users.get(id) ?? 0;
    let pendingAdds = 0;
    let pendingRemoves = 0;
    if (m) {
      const confirmed = confirmedName === null ? [] : await groupAccountIds(db, id);
      const merged = mergeMembers(confirmed, m);
      [accountCount, pendingAdds, pendingRemoves] = [merged.members.length, merged.pendingAdd.size, merged.pendingRemove.size];
      if (Object.keys(m.userRoles).length) userCount = usersInView(mergeUserRoles(confirmedName === null ? [] : await userLinks(id), m));
    }
    const name = m?.name ?? confirmedName ?? id;
    const pending = confirmedName === null ? 'created' : m?.name !== undefined ? 'renamed' : null;
    return { id, name, defaultGroup, accountCount, userCount, pendingAdds, pendingRemoves, countsKnown: countsKnown || pending === 'created', pending, resources };
  };
  const rows = await Promise.all(groups.map((g) => row(g.id, g.name, g.defaultGroup === true, g.Resources?.Resource ?? [])));
  const confirmedIds = new Set(groups.map((g) => g.id));
  // Marks arrive after the tables they were made from: once a refresh has written the created group
  // (its real id, same name — group.create's own "already done"), the older mark must not draw it twice.
  const confirmedNames = new Set(groups.map((g) => g.name.trim()));
  const created = Object.entries(marks.groups).filter(
    ([id, m]) => m.created && !confirmedIds.has(id) && !confirmedNames.has((m.name ?? provisionalName(id)).trim()),
  );
  return [...rows, ...(await Promise.all(created.map(([id]) => row(id, null, false, []))))];
};

const userLinks = (groupId: string) => db.AccountGroupUserRole.where('accountGroupId').equals(groupId).toArray();

/** All Accounts first (R3), then by name; queued creations at the end. */
export const useGroups = (): { groups: GroupRow[] | undefined; marks: PendingMarks } => {
  const marks = usePendingMarks();
  const loaded = useLiveQuery(() => loadGroups(marks), [marks]);
  const groups = useMemo(() => {
    if (!loaded) return undefined;
    const confirmed = loaded.filter((r) => r.pending !== 'created');
    confirmed.sort((a, b) => Number(b.defaultGroup) - Number(a.defaultGroup) || a.name.localeCompare(b.name));
    return [...confirmed, ...loaded.filter((r) => r.pending === 'created')];
  }, [loaded]);
  return { groups, marks };
};

/** The primary account: the connection's account, else the owner of the groups (R2). */
export const usePrimaryAccount = (): PrimaryAccountRef | null => {
  const connAccount = useConnection((s) => s.info?.accountId);
  return (
    useLiveQuery(async () => {
      const owner = connAccount ?? (await db.AccountGroup.limit(1).first())?.accountId;
      const acc = owner ? await db.Account.get(owner) : await db.Account.filter((a) => a.accountGroupsEnabled === true && !a.parentAccountId).first();
      if (!acc) return owner ? { accountId: owner } : null;
      return { accountId: acc.accountId, name: acc.name, accountGroupsEnabled: acc.accountGroupsEnabled };
    }, [connAccount]) ?? null
  );
};

export interface AccountRow {
  accountId: string;
  name: string;
  status: string;
  pending: 'add' | 'remove' | null;
}

/**
 * 20,000 single-key gets cost about a second; one getAll of the table is far cheaper once a
 * group holds a good part of it (All Accounts holds all of it).
 */
const BULK_GET_LIMIT = 2_000;
const loadAccounts = async (ids: string[]) => {
  if (ids.length <= BULK_GET_LIMIT) return db.Account.bulkGet(ids);
  const byId = new Map((await db.Account.toArray()).map((a) => [a.accountId, a]));
  return ids.map((id) => byId.get(id));
};

export const useGroupAccounts = (group: Pick<GroupRow, 'id' | 'pending'> | undefined, marks: PendingMarks): AccountRow[] | undefined => {
  const groupId = group?.id;
  const created = group?.pending === 'created';
  const confirmed = useLiveQuery(async () => (groupId && !created ? await groupAccountIds(db, groupId) : []), [groupId, created]);
  const groupMarks = groupId ? marks.groups[groupId] : undefined;
  const merged = useMemo(() => (confirmed && groupId ? mergeMembers(confirmed, groupMarks) : undefined), [confirmed, groupMarks, groupId]);
  const accounts = useLiveQuery(async () => (merged ? loadAccounts(merged.rows) : undefined), [merged]);
  return useMemo(() => {
    if (!merged || !accounts) return undefined;
    return merged.rows
      .map((id, i) => {
        const a = accounts[i];
        const pending = merged.pendingAdd.has(id) ? 'add' : merged.pendingRemove.has(id) ? 'remove' : null;
        return { accountId: id, name: a?.name ?? id, status: a?.status ?? 'unknown', pending } as AccountRow;
      })
      .sort((x, y) => x.name.localeCompare(y.name));
  }, [merged, accounts]);
};

export interface UserInGroupRow {
  userId: string;
  name: string;
  roles: { roleId: string; name: string; pending?: Pending }[];
}

export const useGroupUsers = (group: Pick<GroupRow, 'id' | 'pending'> | undefined, marks: PendingMarks): UserInGroupRow[] | undefined => {
  const groupId = group?.id;
  const groupMarks = groupId ? marks.groups[groupId] : undefined;
  return useLiveQuery(async () => {
    if (!groupId) return [];
    const links = group?.pending === 'created' ? [] : await userLinks(groupId);
    const byUser = mergeUserRoles(links, groupMarks);
    const roleIds = [...new Set([...byUser.values()].flatMap((roles) => roles.map((r) => r.roleId)))];
    const userIds = [...byUser.keys()];
    const [roles, users] = await Promise.all([db.Role.bulkGet(roleIds), db.User.bulkGet(userIds)]);
    const roleName = new Map(roleIds.map((id, i) => [id, roles[i]?.name ?? `Unknown role ${id}`]));
    const linkOf = new Map(links.map((l) => [l.userId, l]));
    return userIds
      .map((userId, i) => {
        const u = users[i];
        const l = linkOf.get(userId);
        const full = [u?.firstName ?? l?.firstName, u?.lastName ?? l?.lastName].filter(Boolean).join(' ');
        const own = (byUser.get(userId) ?? []).map((r) => ({ roleId: r.roleId, name: roleName.get(r.roleId)!, pending: r.pending }));
        return { userId, name: full || userId, roles: own.sort((a, b) => a.name.localeCompare(b.name)) };
      })
      .sort((a, b) => a.userId.localeCompare(b.userId));
  }, [groupId, group?.pending, groupMarks]);
};
