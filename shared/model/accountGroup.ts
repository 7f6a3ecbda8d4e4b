import { z } from 'zod';
import { Id, Name, typeTag } from './common';

/** R22: the resource types a group can share, spelled as the API's `objectType`. */
export const ResourceObjectType = z.enum([
  'Cloud',
  'Connector',
  'Data Hub Model',
  'Integration Pack',
  'Published Process',
  'Role',
]);
export type ResourceObjectType = z.infer<typeof ResourceObjectType>;

export const Resource = z.object({
  '@type': typeTag('Resource'),
  objectType: ResourceObjectType.optional(),
  resourceId: Id,
  resourceName: z.string().max(255),
});
export type Resource = z.infer<typeof Resource>;

export const Resources = z.object({
  '@type': typeTag('Resources'),
  Resource: z.array(Resource).optional(),
});
export type Resources = z.infer<typeof Resources>;

export const AlertLevel = z.enum(['none', 'info', 'warning', 'error']);

/** AccountGroup (R2, R3). `Resources` only comes back on GET/QUERY; writes ignore it. */
export const AccountGroup = z.object({
  '@type': typeTag('AccountGroup'),
  id: Id,
  accountId: Id,
  name: Name,
  defaultGroup: z.boolean().optional(),
  autoSubscribeAlertLevel: AlertLevel.optional(),
  Resources: Resources.optional(),
});
export type AccountGroup = z.infer<typeof AccountGroup>;

/** The body of a CREATE: the platform assigns the id. */
export const AccountGroupCreate = AccountGroup.omit({ id: true, Resources: true }).extend({
  id: Id.optional(),
  Resources: Resources.optional(),
});
export type AccountGroupCreate = z.infer<typeof AccountGroupCreate>;

export const groupResources = (g: AccountGroup): Resource[] => g.Resources?.Resource ?? [];
