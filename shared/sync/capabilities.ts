import type { ObjectType } from '../model';
import type { SyncApi } from '../api/sync';
import { isVendorShapedPrimary, SUPPORT_ACCESS_NOT_SETTABLE } from '../access/supportAccess';

/**
 * Extensions of the reference platform the vendor's API lacks (DESIGN.md "The platform API"):
 * capabilities a platform may or may not offer. What needs a missing one says so in a sentence
 * and is never sent.
 */
export interface Capability {
  /** The types whose absence (404/410) means the capability is missing; none for account fields. */
  types: readonly ObjectType[];
  sentence: string;
}

export const CAPABILITIES = {
  partnerServices: { types: ['PartnerService', 'PartnerAccountAccess'], sentence: "This platform's API does not offer partner services" },
  users: { types: ['User', 'Entity'], sentence: "This platform's API does not list users or their organisations" },
  publishedResources: { types: ['PublishedResource'], sentence: "This platform's API does not list connectors, processes or models to share" },
  /** The Account fields of R1, R10, R15, R19 and the Account UPDATE that sets the Support Access Role. */
  accountSettings: { types: [], sentence: SUPPORT_ACCESS_NOT_SETTABLE },
} as const satisfies Record<string, Capability>;

export type CapabilityName = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as CapabilityName[];

/** The capabilities a platform lacks, from the types it answered 404/410 for. */
export const missingCapabilities = (absent: readonly ObjectType[]): CapabilityName[] =>
  CAPABILITY_NAMES.filter((c) => CAPABILITIES[c].types.some((t) => absent.includes(t)));

/**
 * Whether the platform does what the vendor's API documents beyond its records: `notifyUser`
 * defaulting to true (everyone given a role is e-mailed unless told not to) and a role on an
 * account for a user id it does not know creating that user. Both come with the vendor's API,
 * which keeps its users outside the API, so a platform without the User type (`users` missing)
 * is taken to behave so; the reference platform's default profile lists its users, refuses a
 * role for a user it does not know and sends no e-mail. Not known yet (never connected, nothing
 * cached): the vendor's, whose defaults are the ones an admin must not be surprised by.
 */
export const behavesAsVendor = (missing: readonly CapabilityName[] | undefined): boolean => missing?.includes('users') ?? true;

/** Why a plan op cannot be sent to this platform, or null when it can. */
export const opNeedsMissing = (opKind: string, absent: readonly ObjectType[]): string | null =>
  opKind.startsWith('partner.') && missingCapabilities(absent).includes('partnerServices') ? CAPABILITIES.partnerServices.sentence : null;

const statusOf = (e: unknown): number | undefined => {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
};

/** One read-only probe per type that stands for a capability: the first page of a QUERY, nothing more. */
const PROBES: readonly [CapabilityName, ObjectType][] = [['partnerServices', 'PartnerService'], ['users', 'User'], ['publishedResources', 'PublishedResource']];

/**
 * Which extensions the connected platform lacks (sorted), learnt at connect: a QUERY of one
 * type per capability (410/404: absent; 410 is the vendor's documented answer), and for the
 * account settings the primary's own Account record, already read to check the connection:
 * the vendor's has none of the reference platform's fields. Another error is not an answer:
 * it is thrown, and the caller probes again on the next connection check.
 */
export const probeCapabilities = async (api: SyncApi, primary: Record<string, unknown> | undefined): Promise<CapabilityName[]> => {
  const missing = new Set<CapabilityName>();
  if (isVendorShapedPrimary(primary)) missing.add('accountSettings');
  for (const [name, type] of PROBES) {
    try {
      for await (const _page of api.query(type)) break;
    } catch (e) {
      const status = statusOf(e);
      if (status === 410 || status === 404) missing.add(name);
      else throw e;
    }
  }
  return CAPABILITY_NAMES.filter((c) => missing.has(c));
};
