import type { ConnectionInfo } from '../../../shared/ipc';
import type { RosterDb } from './db';

/** Keeps what main learnt at connect (the extensions the platform lacks), so an offline start still knows it. */
export const rememberCapabilities = async (cache: RosterDb, info: ConnectionInfo): Promise<void> => {
  if (!info.missingCapabilities) return;
  const prev = await cache.platformFacts.get('capabilities');
  if (prev?.key === 'capabilities' && prev.url === info.url && prev.missing.join() === info.missingCapabilities.join()) return;
  await cache.platformFacts.put({ key: 'capabilities', url: info.url, missing: info.missingCapabilities, at: new Date().toISOString() });
};

/** The Support Access Roles recorded in Roster (account id → role id, null: recorded as none). */
export const recordedSupportAccessRoles = async (cache: RosterDb): Promise<{ roles: Record<string, string | null>; at: string | null }> => {
  const row = await cache.platformFacts.get('recordedSupportAccessRoles');
  return row?.key === 'recordedSupportAccessRoles' ? { roles: row.roles, at: row.at } : { roles: {}, at: null };
};

/**
 * Records what the admin knows of an account's Support Access Role where the platform cannot tell
 * it (R10): used by the rules engine from then on and shown as "recorded in Roster"; never sent.
 */
export const recordSupportAccessRole = async (cache: RosterDb, accountId: string, roleId: string | null): Promise<void> => {
  await cache.transaction('rw', cache.platformFacts, async () => {
    const { roles } = await recordedSupportAccessRoles(cache);
    await cache.platformFacts.put({ key: 'recordedSupportAccessRoles', roles: { ...roles, [accountId]: roleId }, at: new Date().toISOString() });
  });
};
