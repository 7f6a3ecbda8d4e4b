import { z } from 'zod';
import { Id, Name, typeTag } from './common';

/** What the vendor API lacks and the reference platform adds (DESIGN.md, "The platform API"). */
export const User = z.object({
  '@type': typeTag('User'),
  userId: Id,
  firstName: z.string().max(255).optional(),
  lastName: z.string().max(255).optional(),
  entityId: Id.optional(),
  /** The vendor refuses to add a user who has never signed in to a group's users (its --profile vendor imitates it). */
  neverSignedIn: z.boolean().optional(),
});
export type User = z.infer<typeof User>;

export const Entity = z.object({ '@type': typeTag('Entity'), id: Id, name: Name });
export type Entity = z.infer<typeof Entity>;

/** R25: a service relationship sharing a partner organisation's accounts with one entity. */
export const PartnerService = z.object({
  '@type': typeTag('PartnerService'),
  id: Id,
  name: Name,
  partnerOrganisation: Name,
  entityId: Id,
  accountIds: z.array(Id),
});
export type PartnerService = z.infer<typeof PartnerService>;

export const PartnerAccountAccess = z.object({
  '@type': typeTag('PartnerAccountAccess'),
  id: Id.optional(),
  serviceId: Id,
  accountId: Id,
  userId: Id,
});
export type PartnerAccountAccess = z.infer<typeof PartnerAccountAccess>;

/** Catalogue of shareable resources the vendor lists nowhere else (R22, R23). */
export const PublishedResource = z.object({
  '@type': typeTag('PublishedResource'),
  id: Id,
  objectType: z.enum(['Connector', 'Published Process', 'Data Hub Model']),
  name: Name,
  accountId: Id,
  released: z.boolean().optional(),
  visibility: z.enum(['private', 'public']).optional(),
  publishedBy: Id.optional(),
});
export type PublishedResource = z.infer<typeof PublishedResource>;
