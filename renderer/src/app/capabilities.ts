import { useLiveQuery } from 'dexie-react-hooks';
import { behavesAsVendor, CAPABILITIES, type CapabilityName } from '../../../shared/sync/capabilities';
import { useConnection } from './connectionStore';
import { db } from './db';

/**
 * The extensions this platform lacks (DESIGN.md "capabilities"), or undefined while nobody knows:
 * main's answer for this connection, else the cache's for the same platform.
 */
const useMissingCapabilities = (): readonly CapabilityName[] | undefined => {
  const info = useConnection((s) => s.info);
  const row = useLiveQuery(() => db.platformFacts.get('capabilities'), []);
  const cached = row?.key === 'capabilities' ? row : undefined;
  return info?.missingCapabilities ?? (cached && (!info || cached.url === info.url) ? cached.missing : undefined);
};

/**
 * The sentence saying this platform's API lacks `name`, or null when it offers it or nobody knows
 * yet. Screens show it instead of an empty table or a failing write.
 */
export const useMissingCapability = (name: CapabilityName): string | null =>
  useMissingCapabilities()?.includes(name) ? CAPABILITIES[name].sentence : null;

/** Whether this platform e-mails users given a role by default and creates users a role names (shared/sync/capabilities.ts). */
export const useBehavesAsVendor = (): boolean => behavesAsVendor(useMissingCapabilities());
