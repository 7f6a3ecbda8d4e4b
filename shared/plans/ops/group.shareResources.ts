import { z } from 'zod';
import { Id } from '../../model';
import type { AccessState } from '../../access/state';
import { groupResourcesOf } from '../../access/state';
import { pair } from '../../access/layer';
import type { OpModule } from '../op';
import type { PlanOpOf } from '../types';
import { resources } from '../describe';
import { groupExists } from '../calls/expect';
import { resourcesCall } from '../calls/resources';
import { firstRefusal, groupOf, groupRefusal, ResourceRef } from './common';

export const GroupShareResources = z.strictObject({ op: z.literal('group.shareResources'), groupId: Id, resources: z.array(ResourceRef).min(1) });

type Ref = PlanOpOf<'group.shareResources'>['resources'][number];

export const isOn = (s: AccessState, groupId: string, r: Ref): boolean =>
  groupResourcesOf(s.groups.get(groupId)).some((x) => x.objectType === r.objectType && x.resourceId === r.resourceId);

/** The resource's real name, as the group (for unsharing) or the catalogue (for sharing) knows it. */
export const nameOf = (s: AccessState, groupId: string, r: Ref): string | undefined =>
  r.resourceName ??
  groupResourcesOf(groupOf(s, groupId)).find((x) => x.objectType === r.objectType && x.resourceId === r.resourceId)?.resourceName ??
  s.catalogue.get(pair(r.objectType, r.resourceId))?.name;

/** Every resource of the op with its real name filled in (the platform shows what we send). */
export const withNames = <O extends PlanOpOf<'group.shareResources' | 'group.unshareResources'>>(s: AccessState, op: O): O => ({
  ...op,
  resources: op.resources.map((r) => {
    const name = nameOf(s, op.groupId, r);
    return name === undefined ? r : { ...r, resourceName: name };
  }),
});

/** R15, R19, R22, R23: may this resource be shared by the group's primary account? */
const resourceRefusal = (s: AccessState, groupId: string, r: Ref): string | null => {
  const entry = s.catalogue.get(pair(r.objectType, r.resourceId));
  if (!entry) return `unknown ${r.objectType} resource "${r.resourceId}"`;
  if (entry.ineligible) return entry.ineligible;
  if (r.objectType !== 'Role') return null;
  const owner = s.accounts.get(s.groups.get(groupId)!.accountId)!;
  const role = s.roles.get(r.resourceId);
  if (!role) return `unknown role "${r.resourceId}"`;
  if (role.accountId !== owner.accountId) return `R15: role "${role.name}" is not a custom role of the primary account`;
  if (owner.advancedUserSecurity === false) return `R15/R19: Advanced User Security is off on the primary account, so no new role can be shared`;
  return null;
};

/**
 * Every pair holding `roleId` that the group reaches: direct holders in its accounts and, when
 * `groupUsers` (unsharing takes the role from them, R20), the group's own users on its accounts.
 */
export const touchRoleHolders = (s: AccessState, groupId: string, roleId: string, touch: (u: string, a: string) => void, groupUsers = true): void => {
  for (const h of s.roleHolders.get(roleId) ?? []) {
    const [kind, where, user] = h.split('\n') as [string, string, string];
    if (kind === 'a' && s.groupAccounts.has(groupId, where)) touch(user, where);
    if (groupUsers && kind === 'g' && where === groupId) for (const a of s.groupAccounts.get(groupId) ?? []) touch(user, a);
  }
};

/** R15, R22–R24: the group's Resources gain the selected resources (one read-modify-write of the group). */
export const groupShareResources: OpModule<'group.shareResources'> = {
  kind: 'group.shareResources',
  schema: GroupShareResources,
  refuse: (s, op) =>
    firstRefusal(
      () => groupRefusal(s, op.groupId),
      ...op.resources.filter((r) => !isOn(s, op.groupId, r)).map((r) => () => resourceRefusal(s, op.groupId, r)),
    ),
  unchanged: (s, op) => op.resources.every((r) => isOn(s, op.groupId, r)),
  perform(draft, op) {
    const g = draft.groups.get(op.groupId)!;
    const added = op.resources.filter((r) => !isOn(draft, op.groupId, r)).map((r) => ({
      '@type': 'Resource' as const, objectType: r.objectType, resourceId: r.resourceId,
      resourceName: nameOf(draft, op.groupId, r) ?? r.resourceId,
    }));
    draft.groups.set(g.id, { ...g, Resources: { '@type': 'Resources', Resource: [...groupResourcesOf(g), ...added] } });
  },
  touches(s, op, touch) {
    // Direct holders of a shared role in the group's accounts count again (R18 in reverse).
    for (const r of op.resources) if (r.objectType === 'Role') touchRoleHolders(s, op.groupId, r.resourceId, touch, false);
  },
  calls: (op) => [resourcesCall(op, 'share')],
  expectations: (_s, op) => groupExists(op.groupId),
  annotate: withNames,
  describe: (op, n) => `Share ${resources(op.resources)} with “${n.group(op.groupId)}”.`,
  inverse(before, op) {
    const added = op.resources.filter((r) => !isOn(before, op.groupId, r));
    return { ops: added.length ? [{ op: 'group.unshareResources', groupId: op.groupId, resources: added }] : [], notes: [] };
  },
};
