import { z } from 'zod';
import { Id, typeTag } from './common';

export const CloudAtom = z.object({ '@type': typeTag('CloudAtom'), atomId: Id.optional() });

export const Cloud = z.object({
  '@type': typeTag('Cloud'),
  id: Id,
  name: z.string().max(255).optional(),
  Atom: z.array(CloudAtom).optional(),
});
export type Cloud = z.infer<typeof Cloud>;

export const InstallationType = z.enum(['SINGLE', 'MULTI']);

export const IntegrationPack = z.object({
  '@type': typeTag('IntegrationPack'),
  id: Id,
  name: z.string().max(255).optional(),
  Description: z.string().max(4000),
  installationType: InstallationType.optional(),
});
export type IntegrationPack = z.infer<typeof IntegrationPack>;

export const AccountGroupIntegrationPack = z.object({
  '@type': typeTag('AccountGroupIntegrationPack'),
  id: Id.optional(),
  accountGroupId: Id.optional(),
  integrationPackId: Id.optional(),
  integrationPackName: z.string().max(255).optional(),
  installationType: InstallationType.optional(),
});
export type AccountGroupIntegrationPack = z.infer<typeof AccountGroupIntegrationPack>;

/** SSO per account (R12): `enabled` is what the rules engine reads. */
export const AccountSSOConfig = z.object({
  '@type': typeTag('AccountSSOConfig'),
  accountId: Id,
  enabled: z.boolean().optional(),
  idpUrl: z.string().max(2048).optional(),
  certInfo: z.string().optional(),
  certificate: z.array(z.string()).optional(),
  assertionEncryption: z.boolean().optional(),
  authnContext: z.string().optional(),
  authnContextComparison: z.string().optional(),
  caseInsensitiveFederationId: z.boolean().optional(),
  fedIdFromNameId: z.boolean().optional(),
  nameIdPolicy: z.string().optional(),
  signoutRedirectUrl: z.string().optional(),
});
export type AccountSSOConfig = z.infer<typeof AccountSSOConfig>;

export const AccountUserFederation = z.object({
  '@type': typeTag('AccountUserFederation'),
  id: Id.optional(),
  accountId: Id,
  userId: Id,
  federationId: Id,
});
export type AccountUserFederation = z.infer<typeof AccountUserFederation>;
