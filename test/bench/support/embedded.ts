import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, memorySecretStore, memorySettingsStore, silentLog, type Services } from '../../../electron/main/services';
import { startPlatform } from '../../../platform';
import type { SeedTier } from '../../../platform/setup';
import type { FetchLike } from '../../../shared/api';

export interface CountedServices {
  services: Services;
  /** Requests main has sent to the platform since the last reset (set calls = 0 to reset). */
  counter: { calls: number };
  /** Closes the services and removes the data dir. */
  close(): Promise<void>;
}

/**
 * Main's services on an embedded reference platform seeded with `tier`, in a fresh temp data
 * dir, counting every request main sends (the benches' floor ratios divide by it).
 */
export const countedServices = (tier: SeedTier, name: string, opts: { journal?: boolean } = {}): CountedServices => {
  const counter = { calls: 0 };
  const counting: FetchLike = (url, init) => (counter.calls++, globalThis.fetch(url, init));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `roster-bench-${name}-`));
  const services = createServices({
    dataDir,
    secrets: memorySecretStore(),
    settings: memorySettingsStore(),
    startEmbedded: (o) => startPlatform({ ...o, port: 0, seed: tier, quiet: true }),
    fetch: counting,
    log: silentLog,
    probeIntervalMs: 0,
    ...(opts.journal ? { journalFile: path.join(dataDir, 'outbox-journal.json') } : {}),
  });
  return {
    services,
    counter,
    close: async () => {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
