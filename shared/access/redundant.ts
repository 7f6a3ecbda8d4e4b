import { pair } from './layer';
import type { AccessState } from './state';
import { roleLabel } from './state';
import { groupRoles } from './evaluate';

export interface RedundantDirectRole {
  userId: string;
  accountId: string;
  roleId: string;
  role: string;
  /** Groups that give the same role on the account. */
  coveredBy: { groupId: string; name: string }[];
}

/**
 * Direct roles the user's groups already give on the same account. Removing them changes
 * the way in (R9: while any direct role remains, group roles are ignored, and once none remain
 * the Support Access Role caps them, R10), so this is a report for an admin, not an automatic fix.
 */
export const redundantDirectRoles = (s: AccessState): RedundantDirectRole[] => {
  const out: RedundantDirectRole[] = [];
  for (const u of s.userAccounts.keys()) {
    if (!s.userGroupRoles.get(u)) continue;
    for (const a of s.userAccounts.get(u) ?? []) {
      const viaGroups = groupRoles(s, u, a);
      if (!viaGroups.size) continue;
      for (const r of s.aurRoles.get(pair(a, u)) ?? []) {
        const sources = viaGroups.get(r);
        if (!sources) continue;
        const coveredBy = sources.map((x) => (x.kind === 'group' ? { groupId: x.groupId, name: x.groupName } : { groupId: '', name: '' }));
        out.push({ userId: u, accountId: a, roleId: r, role: roleLabel(s, r, a), coveredBy });
      }
    }
  }
  return out;
};
