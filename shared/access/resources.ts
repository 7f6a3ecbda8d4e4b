import type { Resource } from '../model';
import type { AccessState } from './state';
import { groupResourcesOf } from './state';

export interface ResourceReach {
  objectType: Resource['objectType'];
  resourceId: string;
  name: string;
  /** The groups that bring it (R24). */
  groups: { groupId: string; name: string }[];
}

const collect = (s: AccessState, groupIds: Iterable<string>): ResourceReach[] => {
  const byKey = new Map<string, ResourceReach>();
  for (const g of groupIds) {
    const group = s.groups.get(g);
    for (const r of groupResourcesOf(group)) {
      const key = `${r.objectType}\n${r.resourceId}`;
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { objectType: r.objectType, resourceId: r.resourceId, name: r.resourceName, groups: [] }));
      entry.groups.push({ groupId: g, name: group?.name ?? g });
    }
  }
  return [...byKey.values()].sort((a, b) => `${a.objectType}${a.name}`.localeCompare(`${b.objectType}${b.name}`));
};

/** R24: the resources available in an account: the union over every group containing it. */
export const accountResources = (s: AccessState, accountId: string): ResourceReach[] =>
  collect(s, s.accountGroups.get(accountId) ?? []);

/** R24: users in a group reach the group's resources (in its accounts). */
export const userResources = (s: AccessState, userId: string): ResourceReach[] => collect(s, s.userGroupRoles.get(userId)?.keys() ?? []);
