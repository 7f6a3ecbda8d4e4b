import { userRoleKey, type GroupMarks } from '../../domain/optimisticView';

/**
 * The Groups area reads the confirmed tables and lays the optimistic view's marks
 * (domain/optimisticView.ts) over them: pure, so the counts, the rows and the plans agree.
 */
export type Pending = 'add' | 'remove' | null;

export interface MergedMembers {
  /** Members in the view: confirmed, less pending removals, plus pending additions. */
  members: string[];
  /** What the table lists: the members and, struck through, those whose removal is pending. */
  rows: string[];
  pendingAdd: Set<string>;
  pendingRemove: Set<string>;
}

export const mergeMembers = (confirmed: readonly string[], marks: GroupMarks | undefined): MergedMembers => {
  const pendingAdd = new Set<string>();
  const pendingRemove = new Set<string>();
  const confirmedSet = new Set(confirmed);
  for (const [id, there] of Object.entries(marks?.accounts ?? {})) {
    if (there && !confirmedSet.has(id)) pendingAdd.add(id);
    if (!there && confirmedSet.has(id)) pendingRemove.add(id);
  }
  const kept = confirmed.filter((a) => !pendingRemove.has(a));
  return { members: [...kept, ...pendingAdd], rows: [...confirmed, ...pendingAdd], pendingAdd, pendingRemove };
};

export interface RoleInGroup {
  roleId: string;
  pending: Pending;
}

/** Each user's roles in the group: confirmed ones (a removal marked) and queued ones. */
export const mergeUserRoles = (links: readonly { userId: string; roleId: string }[], marks: GroupMarks | undefined): Map<string, RoleInGroup[]> => {
  const byUser = new Map<string, RoleInGroup[]>();
  const add = (userId: string, r: RoleInGroup) => byUser.set(userId, [...(byUser.get(userId) ?? []), r]);
  const confirmed = new Set<string>();
  for (const l of links) {
    const key = userRoleKey(l.userId, l.roleId);
    confirmed.add(key);
    add(l.userId, { roleId: l.roleId, pending: marks?.userRoles[key] === false ? 'remove' : null });
  }
  for (const [key, there] of Object.entries(marks?.userRoles ?? {})) {
    if (!there || confirmed.has(key)) continue;
    const [userId, roleId] = key.split('\n') as [string, string];
    add(userId, { roleId, pending: 'add' });
  }
  return byUser;
};

/** Users in the group in the view: someone whose every role is being removed is leaving. */
export const usersInView = (byUser: Map<string, RoleInGroup[]>): number => [...byUser.values()].filter((roles) => roles.some((r) => r.pending !== 'remove')).length;
