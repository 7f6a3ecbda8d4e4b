// Platform client: QUERY + queryMore paging with per-record zod validation, against a fake fetch
// serving pre-serialised pages, so the figure is the client's own cost (parse + validate + page).
import { createPlatformClient, queryAll, type FetchLike } from '../../shared/api';
import { accountGroupAccountId } from '../../shared/model';
import { benchTiers, emit, timeIt } from './emit';

/** Group-account links per tier (DESIGN.md, "Scale the design must hold"). */
const LINKS: Record<string, number> = { partner: 5_000, large: 100_000, huge: 500_000 };

const pages = (n: number): string[] => {
  const out: string[] = [];
  for (let start = 0; start < n; start += 100) {
    const result = [];
    for (let i = start; i < Math.min(n, start + 100); i++) {
      const g = `group-${i % 500}`;
      const a = `account-${i}`;
      result.push({ '@type': 'AccountGroupAccount', id: accountGroupAccountId(g, a), accountGroupId: g, accountId: a });
    }
    const token = start + 100 < n ? `t${start + 100}` : undefined;
    out.push(JSON.stringify({ '@type': 'QueryResult', numberOfResults: n, result, ...(token ? { queryToken: token } : {}) }));
  }
  return out;
};

for (const tier of benchTiers(['partner', 'large'])) {
  const n = LINKS[tier]!;
  const served = pages(n);
  const fetch: FetchLike = async (url, init) => {
    const i = url.endsWith('/queryMore') ? Number(String(init.body).slice(1)) / 100 : 0;
    return { status: 200, text: async () => served[i]! };
  };
  const client = createPlatformClient({ baseUrl: 'http://bench/api/rest/v1/p', user: 'u', token: 't', fetch });
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const { ms, value } = await timeIt(() => queryAll(client, 'AccountGroupAccount'));
  if (value.records.length !== n) throw new Error(`expected ${n} records, got ${value.records.length}`);
  emit({ metric: 'client.pull.AccountGroupAccount.ms', value: ms, unit: 'ms', tier, records: n });
  emit({ metric: 'client.pull.records_per_s', value: (n / ms) * 1000, unit: 'records/s', tier });
  emit({ metric: 'client.pull.heap_delta', value: (process.memoryUsage().heapUsed - heap0) / 1e6, unit: 'MB', tier });
}
