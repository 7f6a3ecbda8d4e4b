import { z } from 'zod';
import { Id, Name, ResourceObjectType } from '../model';

/**
 * The *resolved* form of a plan op: every group, role, user and account named by id.
 * (The public plan-file form of DESIGN.md, where names are allowed, is parsed and resolved
 * into this in shared/plans/file.ts.) A group created earlier in the same plan is referred
 * to by the provisional id `new:<name>` until the platform has assigned its real id.
 */
const Ids = z.array(Id).min(1).max(100_000);
const ResourceRef = z.object({ objectType: ResourceObjectType, resourceId: Id, resourceName: z.string().max(255).optional() });

export const PlanOp = z.discriminatedUnion('op', [
  // accountId: the owning primary account; the plan-file resolver fills it in (additive, optional).
  z.object({ op: z.literal('group.create'), name: Name, accountId: Id.optional() }),
  // fromName: the group's name when the rename was queued (additive, optional; filled in by the
  // outbox), so "Rename X to Y" keeps saying X after the rename lands or someone renames it again.
  z.object({ op: z.literal('group.rename'), groupId: Id, name: Name, fromName: z.string().max(255).optional() }),
  z.object({ op: z.literal('group.addAccounts'), groupId: Id, accountIds: Ids }),
  z.object({ op: z.literal('group.removeAccounts'), groupId: Id, accountIds: Ids }),
  z.object({ op: z.literal('group.addUserRoles'), groupId: Id, userIds: Ids, roleIds: Ids }),
  z.object({ op: z.literal('group.removeUserRoles'), groupId: Id, userIds: Ids, roleIds: Ids }),
  z.object({ op: z.literal('group.shareResources'), groupId: Id, resources: z.array(ResourceRef).min(1) }),
  z.object({ op: z.literal('group.unshareResources'), groupId: Id, resources: z.array(ResourceRef).min(1) }),
  z.object({ op: z.literal('account.addUserRoles'), accountId: Id, userIds: Ids, roleIds: Ids }),
  z.object({ op: z.literal('account.removeUserRoles'), accountId: Id, userIds: Ids, roleIds: Ids }),
  z.object({ op: z.literal('account.setSupportAccessRole'), accountId: Id, roleId: Id.nullable() }),
  z.object({ op: z.literal('account.setAdvancedUserSecurity'), accountId: Id, enabled: z.boolean() }),
  z.object({ op: z.literal('role.delete'), roleId: Id }),
  z.object({ op: z.literal('partner.grant'), serviceId: Id, accountIds: Ids, userIds: Ids }),
  z.object({ op: z.literal('partner.revoke'), serviceId: Id, accountIds: Ids, userIds: Ids }),
  z.object({ op: z.literal('partner.removeAccountFromService'), serviceId: Id, accountId: Id }),
]);
export type PlanOp = z.infer<typeof PlanOp>;
export type PlanOpKind = PlanOp['op'];
export type PlanOpOf<K extends PlanOpKind> = Extract<PlanOp, { op: K }>;

export const Plan = z.object({ ops: z.array(PlanOp).max(10_000) });
export type Plan = z.infer<typeof Plan>;

export const provisionalGroupId = (name: string): string => `new:${name}`;
export const isProvisionalId = (id: string): boolean => id.startsWith('new:');
