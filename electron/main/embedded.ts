import { startPlatform } from '../../platform';
import { DEFAULT_EMBEDDED_SEED, type SeedTier } from './embeddedSeed';
import type { StartEmbedded } from './services';

/** The embedded reference platform on a free loopback port; `seed` only matters for an empty data dir. */
export const embeddedPlatform =
  (seed: SeedTier = DEFAULT_EMBEDDED_SEED): StartEmbedded =>
  async ({ dataDir, adminUser, adminToken }) => {
    const p = await startPlatform({ dataDir, port: 0, seed, adminUser, adminToken, quiet: true });
    return { url: p.url, accountId: p.accountId, user: p.user, token: p.token, port: p.port, close: () => p.close() };
  };

export const startEmbedded: StartEmbedded = embeddedPlatform();
