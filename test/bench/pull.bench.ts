// A full refresh through main: every object type via platform.pull (dispatch, client, paging,
// validation, hashing, pacing at the limit the platform tells) against the reference platform at
// its default rate limit (10/s).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, dispatch, memorySecretStore, memorySettingsStore, silentLog } from '../../electron/main/services';
import { startPlatform } from '../../platform';
import { OBJECT_TYPES } from '../../shared/model';
import type { FetchLike } from '../../shared/api';
import { benchTiers, emit, timeIt } from './emit';

// large and huge take minutes at the rate limit: only when asked for (BENCH_TIERS=large).
const tiers = process.env.BENCH_TIERS ? benchTiers(['example', 'partner', 'large', 'huge']) : ['example', 'partner'];
for (const tier of tiers) {
  let calls = 0;
  const counting: FetchLike = (url, init) => (calls++, globalThis.fetch(url, init));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-pull-'));
  const services = createServices({
    dataDir,
    secrets: memorySecretStore(),
    settings: memorySettingsStore(),
    startEmbedded: (o) => startPlatform({ ...o, port: 0, seed: tier as 'example', quiet: true }),
    fetch: counting,
    log: silentLog,
    probeIntervalMs: 0,
  });
  const start = await timeIt(() => services.handlers['connection.get'](undefined));
  emit({ metric: 'pull.embedded_start', value: start.ms, unit: 'ms', tier });
  calls = 0;
  let records = 0;
  let bytes = 0;
  const all = await timeIt(async () => {
    for (const objectType of OBJECT_TYPES) {
      const r = await dispatch(services.handlers, 'platform.pull', { objectType }, silentLog);
      bytes += JSON.stringify(r).length;
      if (r.ok) records += (r.value as { records: unknown[] }).records.length;
    }
  });
  emit({ metric: 'pull.full_refresh', value: all.ms, unit: 'ms', tier, records });
  // The floor: the calls a refresh needs at the platform's 10 requests/s (issue 5 target <= 1.10).
  emit({ metric: 'pull.full_refresh_floor_ratio', value: all.ms / ((calls / 10) * 1000), unit: 'ratio', tier, calls });
  emit({ metric: 'pull.full_refresh_bytes', value: bytes / 1e6, unit: 'MB', tier });
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
}
