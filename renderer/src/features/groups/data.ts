import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Resource } from '../../../../shared/model';
import { db } from '../../app/db';
import { useConnection } from '../../app/connectionStore';
import { groupAccountIds, loadGroupCounts, unconfirmedOps } from '../../cache';
import { emptyOverlay, groupsOverlay, mergeMembers, type GroupsOverlay } from './pending';
import type { PrimaryAccountRef } from '../../domain/groupPlans';

/** Reads for the Groups area: live Dexie queries of the confirmed tables ⊕ the outbox overlay. */

export interface GroupRow {
  id: string;
  name: string;
  defaultGroup: boolean;
  accountCount: number;
  userCount: number;
  pendingAdds: number;
  /** 'created': queued, not yet on the platform; 'renamed': a rename is queued. */
  pending: 'created' | 'renamed' | null;
  resources: Resource[];
}

export const useOverlay = (): GroupsOverlay => {
  const entries = useLiveQuery(() => unconfirmedOps(db), []);
  return useMemo(() => (entries ? groupsOverlay(entries) : emptyOverlay()), [entries]);
};

const loadGroups = async (): Promise<Omit<GroupRow, 'pending' | 'pendingAdds'>[]> => {
  const groups = await db.AccountGroup.toArray();
  // Per-group counts are kept by the cache as it writes the links (cache/groupCounts.ts): one
  // read of 500 small rows, not 500 index counts and a walk over 10,000 user links.
  const counts = await loadGroupCounts(db);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    defaultGroup: g.defaultGroup === true,
    accountCount: counts.accounts.get(g.id) ?? 0,
    userCount: counts.users.get(g.id) ?? 0,
    resources: g.Resources?.Resource ?? [],
  }));
};

/** All Accounts first (R3), then by name; queued creations at the end. */
export const useGroups = (): { groups: GroupRow[] | undefined; overlay: GroupsOverlay } => {
  const overlay = useOverlay();
  const confirmed = useLiveQuery(loadGroups, []);
  const groups = useMemo(() => {
    if (!confirmed) return undefined;
    const rows: GroupRow[] = confirmed.map((g) => ({
      ...g,
      name: overlay.renamed.get(g.id) ?? g.name,
      pending: overlay.renamed.has(g.id) ? 'renamed' : null,
      pendingAdds: overlay.addedAccounts.get(g.id)?.size ?? 0,
    }));
    rows.sort((a, b) => Number(b.defaultGroup) - Number(a.defaultGroup) || a.name.localeCompare(b.name));
    const created = overlay.created
      .filter((c) => !rows.some((r) => r.name === c.name))
      .map<GroupRow>((c) => ({ id: c.id, name: overlay.renamed.get(c.id) ?? c.name, defaultGroup: false, accountCount: 0, userCount: 0, pendingAdds: overlay.addedAccounts.get(c.id)?.size ?? 0, pending: 'created', resources: [] }));
    return [...rows, ...created];
  }, [confirmed, overlay]);
  return { groups, overlay };
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

export const useGroupAccounts = (groupId: string | undefined, overlay: GroupsOverlay): AccountRow[] | undefined => {
  const confirmed = useLiveQuery(
    async () => (groupId ? await groupAccountIds(db, groupId) : []),
    [groupId],
  );
  const merged = useMemo(() => (confirmed && groupId ? mergeMembers(confirmed, overlay, groupId) : undefined), [confirmed, overlay, groupId]);
  const accounts = useLiveQuery(async () => (merged ? loadAccounts(merged.members) : undefined), [merged]);
  return useMemo(() => {
    if (!merged || !accounts) return undefined;
    return merged.members
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
  roles: { roleId: string; name: string }[];
}

export const useGroupUsers = (groupId: string | undefined): UserInGroupRow[] | undefined =>
  useLiveQuery(async () => {
    if (!groupId) return [];
    const links = await db.AccountGroupUserRole.where('accountGroupId').equals(groupId).toArray();
    const roleIds = [...new Set(links.map((l) => l.roleId))];
    const userIds = [...new Set(links.map((l) => l.userId))];
    const [roles, users] = await Promise.all([db.Role.bulkGet(roleIds), db.User.bulkGet(userIds)]);
    const roleName = new Map(roleIds.map((id, i) => [id, roles[i]?.name ?? `Unknown role ${id}`]));
    const byUser = new Map<string, typeof links>();
    for (const l of links) byUser.set(l.userId, [...(byUser.get(l.userId) ?? []), l]);
    return userIds
      .map((userId, i) => {
        const u = users[i];
        const own = byUser.get(userId) ?? [];
        const full = [u?.firstName ?? own[0]?.firstName, u?.lastName ?? own[0]?.lastName].filter(Boolean).join(' ');
        const roles = own.map((l) => ({ roleId: l.roleId, name: roleName.get(l.roleId)! }));
        return { userId, name: full || userId, roles: roles.sort((a, b) => a.name.localeCompare(b.name)) };
      })
      .sort((a, b) => a.userId.localeCompare(b.userId));
  }, [groupId]);
