import { startPlatform } from '../../platform';
import type { StartEmbedded } from './services';

/** The embedded reference platform (issue 2): seeded with seed 002, on a free loopback port. */
export const startEmbedded: StartEmbedded = async ({ dataDir, adminUser, adminToken }) => {
  const p = await startPlatform({ dataDir, port: 0, seed: 'example', adminUser, adminToken, quiet: true });
  return { url: p.url, accountId: p.accountId, user: p.user, token: p.token, port: p.port, close: () => p.close() };
};
