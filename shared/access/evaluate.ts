import { pair } from './layer';
import type { AccessState } from './state';
import { isBuiltIn, isRoleSharedWith, privilegesOf } from './state';
import { supportAccessOf } from './supportAccess';

export type Via = 'direct' | 'group' | 'sso' | 'partner' | 'none';

export type RoleSource = { kind: 'direct' } | { kind: 'group'; groupId: string; groupName: string };

export interface IgnoredRole {
  roleId: string;
  source: RoleSource;
  /** R9: a direct role exists on the account; R18: a shared role no longer shared with it. */
  rule: 'R9' | 'R18';
}

/** The raw result of the rules for one (user, account); `explain` turns it into words. */
export interface Evaluation {
  via: Via;
  roles: Map<string, RoleSource[]>;
  ignored: IgnoredRole[];
  privileges: Set<string>;
  /** R10; `recorded` when the role is the one the admin recorded in Roster. */
  cap: { roleId: string; removed: string[]; recorded?: true } | null;
  /** R10 unknown: group access on an account whose Support Access Role the platform cannot tell. */
  capUnknown: boolean;
  partnerServices: string[];
  canLogIn: boolean;
}

/** R18: a custom role of another account counts in `accountId` only while a group shares it there. */
const stillShared = (s: AccessState, roleId: string, accountId: string): boolean => {
  const role = s.roles.get(roleId);
  if (!role || isBuiltIn(role) || role.accountId === undefined || role.accountId === accountId) return true;
  return isRoleSharedWith(s, roleId, accountId);
};

const directRoles = (s: AccessState, u: string, a: string, ignored: IgnoredRole[]): Map<string, RoleSource[]> => {
  const out = new Map<string, RoleSource[]>();
  for (const r of s.aurRoles.get(pair(a, u)) ?? []) {
    if (stillShared(s, r, a)) out.set(r, [{ kind: 'direct' }]);
    else ignored.push({ roleId: r, source: { kind: 'direct' }, rule: 'R18' });
  }
  return out;
};

/** R7, R8: the union of the user's roles over every group that contains the account. */
export const groupRoles = (s: AccessState, u: string, a: string): Map<string, RoleSource[]> => {
  const out = new Map<string, RoleSource[]>();
  for (const [g, groupRoleIds] of s.userGroupRoles.get(u) ?? []) {
    if (!s.groupAccounts.has(g, a)) continue;
    const source: RoleSource = { kind: 'group', groupId: g, groupName: s.groups.get(g)?.name ?? g };
    for (const r of groupRoleIds) {
      const list = out.get(r);
      if (list) list.push(source);
      else out.set(r, [source]);
    }
  }
  return out;
};

const unionPrivileges = (s: AccessState, roleIds: Iterable<string>): Set<string> => {
  const out = new Set<string>();
  for (const r of roleIds) for (const p of privilegesOf(s.roles.get(r))) out.add(p);
  return out;
};

/** R25, R28: partner access counts only through a live service of the user's own entity. */
export const partnerServicesFor = (s: AccessState, u: string, a: string): string[] => {
  const out: string[] = [];
  const entity = s.users.get(u)?.entityId;
  for (const svc of s.partner.get(pair(a, u)) ?? []) {
    const service = s.services.get(svc);
    if (service && s.serviceAccounts.has(svc, a) && service.entityId === entity) out.push(svc);
  }
  return out;
};

/** R6–R13, R25: effective access of one user on one account, from the indexes only. */
export const evaluate = (s: AccessState, u: string, a: string): Evaluation => {
  const ignored: IgnoredRole[] = [];
  const direct = directRoles(s, u, a, ignored);
  const viaGroups = groupRoles(s, u, a);
  const partnerServices = partnerServicesFor(s, u, a);
  let via: Via = 'none';
  let roles = new Map<string, RoleSource[]>();
  let cap: Evaluation['cap'] = null;
  let capUnknown = false;
  let privileges = new Set<string>();
  if (direct.size > 0) {
    // R9: direct access wins; every group role on this account is ignored.
    via = 'direct';
    roles = direct;
    for (const [roleId, sources] of viaGroups) for (const source of sources) ignored.push({ roleId, source, rule: 'R9' });
    privileges = unionPrivileges(s, roles.keys());
  } else if (viaGroups.size > 0) {
    via = s.sso.has(a) ? 'sso' : 'group';
    roles = viaGroups;
    privileges = unionPrivileges(s, roles.keys());
    const sar = supportAccessOf(s.accounts.get(a));
    if (sar.source === 'unknown') capUnknown = true;
    else if (sar.roleId) {
      // R10: the Support Access Role caps group users; it never raises access.
      const allowed = privilegesOf(s.roles.get(sar.roleId));
      const removed = [...privileges].filter((p) => !allowed.has(p)).sort();
      for (const p of removed) privileges.delete(p);
      cap = sar.source === 'recorded' ? { roleId: sar.roleId, removed, recorded: true } : { roleId: sar.roleId, removed };
    }
  } else if (partnerServices.length > 0) {
    via = 'partner';
  }
  // R13: roles grant log-in; partner access (R26) grants it by itself.
  const canLogIn = roles.size > 0 || via === 'partner';
  return { via, roles, ignored, privileges, cap, capUnknown, partnerServices, canLogIn };
};
