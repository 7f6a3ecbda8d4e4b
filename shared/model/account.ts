import { z } from 'zod';
import { Id, typeTag } from './common';

const License = z.object({
  '@type': typeTag('License'),
  purchased: z.number().int().optional(),
  used: z.number().int().optional(),
});

const Licensing = z.object({
  '@type': typeTag('Licensing'),
  enterprise: License.optional(),
  enterpriseTest: License.optional(),
  smallBusiness: License.optional(),
  smallBusinessTest: License.optional(),
  standard: License.optional(),
  standardTest: License.optional(),
  tradingPartner: License.optional(),
  tradingPartnerTest: License.optional(),
});

const Molecule = z.object({
  '@type': typeTag('Molecule'),
  purchased: z.number().int().optional(),
  used: z.number().int().optional(),
});

/** The Account fields the vendor's API does not have: on a vendor-shaped record they are unknown, not absent. */
export const ACCOUNT_EXTENSION_FIELDS = ['parentAccountId', 'accountGroupsEnabled', 'advancedUserSecurity', 'supportAccessRoleId'] as const;
export const AccountExtensionField = z.enum(ACCOUNT_EXTENSION_FIELDS);
export type AccountExtensionField = z.infer<typeof AccountExtensionField>;

export const AccountStatus = z.enum(['trial', 'active', 'suspended', 'deleted', 'unlimited']);

/**
 * Account as in the vendor's OpenAPI, plus the reference platform's extensions (DESIGN.md):
 * parentAccountId, accountGroupsEnabled (R1), advancedUserSecurity (R15, R19) and
 * supportAccessRoleId (R10). The real vendor API omits the extensions, so they stay optional.
 *
 * Two fields are Roster's own, never the API's: `unknown` lists the extension fields the platform
 * could not tell for this record (set where records are read: a vendor-shaped Account), so an
 * absent field there means "not known", never false or "none"; `recordedSupportAccessRoleId` is
 * the Support Access Role the admin recorded in Roster for an account whose role the API cannot
 * tell (null: recorded as none). Both travel in the cache and in snapshots.
 */
export const Account = z.object({
  '@type': typeTag('Account'),
  accountId: Id,
  name: z.string().max(255).optional(),
  dateCreated: z.string().optional(),
  expirationDate: z.string().optional(),
  status: AccountStatus.optional(),
  overDeployed: z.boolean().optional(),
  suggestionsEnabled: z.boolean().optional(),
  supportAccess: z.boolean().optional(),
  supportLevel: z.enum(['standard', 'premier']).optional(),
  widgetAccount: z.boolean().optional(),
  licensing: Licensing.optional(),
  molecule: Molecule.optional(),
  parentAccountId: Id.optional(),
  accountGroupsEnabled: z.boolean().optional(),
  advancedUserSecurity: z.boolean().optional(),
  supportAccessRoleId: Id.optional(),
  unknown: z.array(AccountExtensionField).optional(),
  recordedSupportAccessRoleId: Id.nullable().optional(),
});
export type Account = z.infer<typeof Account>;
