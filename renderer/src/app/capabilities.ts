import { useLiveQuery } from 'dexie-react-hooks';
import { CAPABILITIES, type CapabilityName } from '../../../shared/sync/capabilities';
import { useConnection } from './connectionStore';
import { db } from './db';

/**
 * The sentence saying this platform's API lacks `name` (DESIGN.md "capabilities"), or null when it
 * offers it or nobody knows yet: main's answer for this connection, else the cache's for the same
 * platform. Screens show it instead of an empty table or a failing write.
 */
export const useMissingCapability = (name: CapabilityName): string | null => {
  const info = useConnection((s) => s.info);
  const row = useLiveQuery(() => db.platformFacts.get('capabilities'), []);
  const cached = row?.key === 'capabilities' ? row : undefined;
  const missing = info?.missingCapabilities ?? (cached && (!info || cached.url === info.url) ? cached.missing : undefined);
  return missing?.includes(name) ? CAPABILITIES[name].sentence : null;
};
