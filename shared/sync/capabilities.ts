import type { ObjectType } from '../model';

/**
 * Extensions of the reference platform the vendor's API lacks (DESIGN.md "The platform API"):
 * capabilities a platform may or may not offer. What needs a missing one says so in a sentence
 * and is never sent.
 */
export interface Capability {
  types: readonly ObjectType[];
  sentence: string;
}

export const CAPABILITIES = {
  partnerServices: { types: ['PartnerService', 'PartnerAccountAccess'], sentence: "This platform's API does not offer partner services" },
  users: { types: ['User', 'Entity'], sentence: "This platform's API does not list users or their organisations" },
  publishedResources: { types: ['PublishedResource'], sentence: "This platform's API does not list connectors, processes or models to share" },
} as const satisfies Record<string, Capability>;

export type CapabilityName = keyof typeof CAPABILITIES;

/** The capabilities a platform lacks, from the types it answered 404/410 for. */
export const missingCapabilities = (absent: readonly ObjectType[]): CapabilityName[] =>
  (Object.keys(CAPABILITIES) as CapabilityName[]).filter((c) => CAPABILITIES[c].types.some((t) => absent.includes(t)));

/** Why a plan op cannot be sent to this platform, or null when it can. */
export const opNeedsMissing = (opKind: string, absent: readonly ObjectType[]): string | null =>
  opKind.startsWith('partner.') && missingCapabilities(absent).includes('partnerServices') ? CAPABILITIES.partnerServices.sentence : null;
