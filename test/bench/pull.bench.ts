// A full refresh through main: every object type via platform.pull (dispatch, client, paging,
// validation, hashing, pacing at the limit the platform tells) against the reference platform at
// its default rate limit (10/s).
import { dispatch, silentLog } from '../../electron/main/services';
import type { SeedTier } from '../../platform/setup';
import { OBJECT_TYPES } from '../../shared/model';
import { benchTiers, emit, timeIt } from './emit';
import { countedServices } from './support/embedded';

// large and huge take minutes at the rate limit: only when asked for (BENCH_TIERS=large).
const tiers = process.env.BENCH_TIERS ? benchTiers(['example', 'partner', 'large', 'huge']) : ['example', 'partner'];
for (const tier of tiers) {
  const { services, counter, close } = countedServices(tier as SeedTier, 'pull');
  const start = await timeIt(() => services.handlers['connection.get'](undefined));
  emit({ metric: 'pull.embedded_start', value: start.ms, unit: 'ms', tier });
  counter.calls = 0;
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
  // The floor: the calls a refresh needs at the platform's 10 requests/s (target <= 1.10).
  emit({ metric: 'pull.full_refresh_floor_ratio', value: all.ms / ((counter.calls / 10) * 1000), unit: 'ratio', tier, calls: counter.calls });
  emit({ metric: 'pull.full_refresh_bytes', value: bytes / 1e6, unit: 'MB', tier });
  await close();
}
