import type { ConnectionInfo } from '../../../shared/ipc';
import type { RosterDb } from './db';

/** Keeps what main learnt at connect (the extensions the platform lacks), so an offline start still knows it. */
export const rememberCapabilities = async (cache: RosterDb, info: ConnectionInfo): Promise<void> => {
  if (!info.missingCapabilities) return;
  const prev = await cache.platformFacts.get('capabilities');
  if (prev && prev.url === info.url && prev.missing.join() === info.missingCapabilities.join()) return;
  await cache.platformFacts.put({ key: 'capabilities', url: info.url, missing: info.missingCapabilities, at: new Date().toISOString() });
};
