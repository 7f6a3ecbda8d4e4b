import { isUnknown, type AccessState } from '../../../../shared/access';
import { groupResourcesOf, isBuiltIn, primaryAccountId } from '../../../../shared/access/state';
import { pair } from '../../../../shared/access/layer';
import { userName } from '../../../../shared/access/reach';
import type { ResourceObjectType } from '../../../../shared/model';
import { opModule } from '../../../../shared/plans/registry';
import type { PlanOp, PlanOpOf } from '../../../../shared/plans/types';

/** Pure helpers of the Resources area (R15, R16, R19–R24). */

export interface ResourceTypeInfo {
  type: ResourceObjectType;
  label: string;
  /** R23 / R15: what makes a resource of this type shareable, in words. */
  eligibility: string;
}

export const RESOURCE_TYPES: ResourceTypeInfo[] = [
  { type: 'Cloud', label: 'Atom Clouds', eligibility: 'A cloud can be shared once it is added and installed in the primary account (R23).' },
  { type: 'Connector', label: 'Connectors', eligibility: 'Only privately released connectors are shared; public connectors already reach everyone (R23).' },
  {
    type: 'Role',
    label: 'Roles',
    eligibility:
      'Custom roles of the primary account are shared as Role resources. It needs account groups and Advanced User Security on the primary account, and AUS on each member account to assign the role there (R15, R19). Built-in roles already exist in every account.',
  },
  { type: 'Published Process', label: 'Published processes', eligibility: 'A process must be published by a user with the Process Library privilege (R23).' },
  { type: 'Integration Pack', label: 'Integration packs', eligibility: 'An integration pack must be released by a user with the Integration Pack privilege (R23).' },
  { type: 'Data Hub Model', label: 'Data Hub models', eligibility: 'Models can be shared when the primary account has the model service (R23).' },
];

export interface GroupRef {
  groupId: string;
  name: string;
}

export interface ResourceRow {
  objectType: ResourceObjectType;
  id: string;
  name: string;
  /** Why it may not be shared (R15, R23), or null. */
  ineligible: string | null;
  groups: GroupRef[];
  /** False for a resource found on a group but not in the catalogue the platform lists. */
  catalogued: boolean;
}

type Ref = { objectType?: ResourceObjectType | undefined; resourceId: string; resourceName: string };

/** objectType\nid → groups sharing it; one pass over the groups (R24). */
export const sharingIndex = (s: AccessState): Map<string, { ref: Ref; groups: GroupRef[] }> => {
  const out = new Map<string, { ref: Ref; groups: GroupRef[] }>();
  for (const gid of s.groups.keys()) {
    const g = s.groups.get(gid)!;
    for (const r of groupResourcesOf(g)) {
      const key = pair(r.objectType ?? 'Role', r.resourceId);
      let e = out.get(key);
      if (!e) out.set(key, (e = { ref: r, groups: [] }));
      e.groups.push({ groupId: gid, name: g.name });
    }
  }
  for (const e of out.values()) e.groups.sort((a, b) => a.name.localeCompare(b.name));
  return out;
};

/** Every resource of a type: the catalogue (R22) and whatever groups already share. Built-in roles are left out. */
export const resourceRows = (s: AccessState, type: ResourceObjectType, sharing = sharingIndex(s)): ResourceRow[] => {
  const rows = new Map<string, ResourceRow>();
  for (const key of s.catalogue.keys()) {
    const e = s.catalogue.get(key)!;
    if (e.objectType !== type) continue;
    if (type === 'Role' && isBuiltIn(s.roles.get(e.id))) continue;
    rows.set(e.id, { objectType: type, id: e.id, name: e.name, ineligible: e.ineligible, groups: sharing.get(key)?.groups ?? [], catalogued: true });
  }
  for (const { ref, groups } of sharing.values()) {
    if ((ref.objectType ?? 'Role') !== type || rows.has(ref.resourceId)) continue;
    rows.set(ref.resourceId, { objectType: type, id: ref.resourceId, name: ref.resourceName, ineligible: null, groups, catalogued: false });
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
};

export interface Holder {
  userId: string;
  /** Shown beside the e-mail, as every screen shows a person. */
  name: string;
  /** "in group X" or "directly on account Y". */
  where: string;
}

/** R20, R21: who holds a role, through which group or account. */
export const roleHolders = (s: AccessState, roleId: string): Holder[] =>
  [...(s.roleHolders.get(roleId) ?? [])]
    .map((h) => {
      const [kind, where, userId] = h.split('\n') as [string, string, string];
      const name = userName(s, userId);
      return kind === 'g'
        ? { userId, name, where: `in group “${s.groups.get(where)?.name ?? where}”` }
        : { userId, name, where: `directly on ${s.accounts.get(where)?.name ?? where}` };
    })
    .sort((a, b) => a.userId.localeCompare(b.userId) || a.where.localeCompare(b.where));

/** R15, R19 at a glance: Advanced User Security of the primary account and how many members lack it; AUS the platform cannot tell (the vendor's API) is counted as unknown, never as off. */
export const ausSummary = (s: AccessState): { primary: string | undefined; primaryOn: boolean; primaryUnknown: boolean; membersOff: number; membersUnknown: number; members: number } => {
  const primary = primaryAccountId(s);
  let members = 0;
  let membersOff = 0;
  let membersUnknown = 0;
  for (const id of s.accounts.keys()) {
    const a = s.accounts.get(id)!;
    if (id === primary || a.parentAccountId !== primary) continue;
    members++;
    if (a.advancedUserSecurity) continue;
    if (a.advancedUserSecurity === undefined && isUnknown(a, 'advancedUserSecurity')) membersUnknown++;
    else membersOff++;
  }
  const p = s.accounts.get(primary ?? '');
  return { primary, primaryOn: p?.advancedUserSecurity === true, primaryUnknown: isUnknown(p, 'advancedUserSecurity'), membersOff, membersUnknown, members };
};

/** R19: member accounts of a group where a shared role can no longer be assigned. */
export const groupMembersWithoutAus = (s: AccessState, groupId: string): number => {
  let n = 0;
  for (const a of s.groupAccounts.get(groupId) ?? []) {
    const acc = s.accounts.get(a);
    if (!acc?.advancedUserSecurity && !isUnknown(acc, 'advancedUserSecurity')) n++;
  }
  return n;
};

export type Planned = { ok: true; ops: PlanOp[] } | { ok: false; reason: string };

const check = <K extends PlanOp['op']>(s: AccessState, op: PlanOpOf<K>, same: string): Planned => {
  const mod = opModule(op);
  const reason = mod.refuse(s, op);
  if (reason) return { ok: false, reason };
  if (mod.unchanged(s, op)) return { ok: false, reason: same };
  return { ok: true, ops: [op] };
};

const refOf = (r: ResourceRow) => ({ objectType: r.objectType, resourceId: r.id, resourceName: r.name });

export const planShare = (s: AccessState, groupId: string, r: ResourceRow): Planned =>
  check(s, { op: 'group.shareResources', groupId, resources: [refOf(r)] }, `“${r.name}” is already shared with that group.`);

export const planUnshare = (s: AccessState, groupId: string, r: ResourceRow): Planned =>
  check(s, { op: 'group.unshareResources', groupId, resources: [refOf(r)] }, `“${r.name}” is not shared with that group.`);

/** R21: refused while anybody holds the role; the refusal names them. */
export const planDeleteRole = (s: AccessState, roleId: string): Planned => check(s, { op: 'role.delete', roleId }, 'The role is already gone.');

/** R16: how a shared custom role is listed in member accounts. */
export const sharedName = (name: string): string => `${name} (shared)`;
