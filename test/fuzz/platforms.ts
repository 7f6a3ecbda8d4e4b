// The platforms the fuzz runs against: the real reference platform (startPlatform, PGlite, HTTP,
// its own fault injection) or the in-memory stand-in of the unit tests (fast, for thousands of seeds).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPlatformClient } from '../../shared/api';
import type { Snapshot } from '../../shared/model';
import { EXAMPLE, exampleSnapshot } from '../../shared/seeds/example';
import { queryAll, type SyncApi } from '../../shared/api/sync';
import { realClock, seededRandom } from '../../shared/sync/clock';
import { exportSnapshot } from '../../shared/sync/pull';
import { TokenBucket } from '../../shared/sync/tokenBucket';
import { pacedFetch } from '../../shared/sync/transport';
import { startPlatform, type RunningPlatform } from '../../platform/index';
import { FakeApi, raceFirstGroupCreate } from '../unit/sync/fakeApi';
import { fuzzExtras, withHotResources } from './sharedOps';

export interface FuzzPlatform {
  accountId: string;
  /** A client connection for simulated admin `i` (faults apply to it). */
  api(i: number, seed: number): SyncApi;
  /** What the platform really holds, read reliably. */
  truth(): Promise<Snapshot>;
  close(): Promise<void>;
}

/** ~20% of requests fail: 503, 500, dropped before acting, and commit-then-drop. */
export const FAULTS = { p503: 0.05, p500: 0.05, drop: 0.05, commitDrop: 0.05 };
export const faultSpec = (seed: number): string => `503=0.05,500=0.05,drop=0.05,commit-drop=0.05,seed=${seed}`;

export const startReal = async (seed: number, faults = faultSpec(seed)): Promise<FuzzPlatform> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'roster-fuzz-'));
  let p: RunningPlatform;
  try {
    p = await startPlatform({ dataDir: dir, port: 0, seed: 'example', adminToken: 'fuzz-token-1', rate: 0, faults, quiet: true });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const client = (random: () => number, retries: number) =>
    createPlatformClient({
      baseUrl: p.url, user: p.user, token: p.token, timeoutMs: 10_000,
      fetch: pacedFetch((u, init) => globalThis.fetch(u, init), {
        bucket: new TokenBucket(realClock, 2000, 100), clock: realClock, random, retries, backoff: { baseMs: 5, maxMs: 100 },
      }),
    });
  const reader = client(seededRandom(seed ^ 0x5eed), 60);
  await addExtras(reader, p.accountId);
  return {
    accountId: p.accountId,
    api: (i, s) => client(seededRandom(s * 7919 + i), 8),
    truth: async () => withHotResources(reader, (await exportSnapshot(reader, { groupResources: false })).snapshot),
    close: async () => {
      await p.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export interface FakeOptions {
  /**
   * Seed 156's race, forced: the first group create commits, another admin renames the group,
   * and the answer is lost — so the create's check by name cannot find it.
   */
  renameRace?: boolean;
}

/** The example seed plus the fuzz's custom roles and partner service, as records. */
const fakeSeed = (): Snapshot => {
  const s = exampleSnapshot();
  const children = s.Account.filter((a) => a.parentAccountId).map((a) => a.accountId);
  const x = fuzzExtras(EXAMPLE.primary.accountId, children);
  x.roles.forEach((r, i) => s.Role.push({ ...r, id: `fuzz-role-${i + 1}` } as never));
  s.PartnerService.push({ ...x.service, id: 'fuzz-svc-1' } as never);
  return s;
};

/**
 * Creates the fuzz's roles and service on the reference platform through its API (under its
 * faults): each create is checked by name before it is sent again.
 */
const addExtras = async (api: SyncApi, primary: string): Promise<void> => {
  const accounts = (await queryAll(api, 'Account')).filter((a) => a.parentAccountId).map((a) => String(a.accountId));
  const x = fuzzExtras(primary, accounts);
  const ensure = async (type: 'Role' | 'PartnerService', body: { name: string }) => {
    for (let i = 0; i < 20; i++) {
      if ((await queryAll(api, type)).some((r) => r.name === body.name)) return;
      await api.create(type, body as never).catch(() => realClock.sleep(5));
    }
    throw new Error(`fuzz setup: could not create ${type} "${body.name}"`);
  };
  for (const r of x.roles) await ensure('Role', r);
  await ensure('PartnerService', x.service);
};

export const startFake = (seed: number, o: FakeOptions = {}): FuzzPlatform => {
  const fake = new FakeApi(fakeSeed(), seededRandom(seed ^ 0xfa17));
  fake.faults = FAULTS;
  if (o.renameRace) raceFirstGroupCreate(fake, (name) => `${name} (renamed by another admin)`, 'cannot reach the platform: socket hang up (after commit)');
  // Faults are decided per request on the shared fake, as the real platform decides them; reads
  // are retried as pacedFetch retries them over HTTP.
  const reads = retryingReads(fake);
  return {
    accountId: 'documentation-7QK2DN',
    api: () => reads,
    truth: async () => fake.snapshot(),
    close: async () => {},
  };
};

/** What pacedFetch does for reads over HTTP, for the in-memory platform: retry until an answer. */
const retryingReads = (api: FakeApi): SyncApi => {
  const again = async <T>(f: () => Promise<T>): Promise<T> => {
    for (let i = 1; ; i++) {
      try {
        return await f();
      } catch (e) {
        const status = (e as { status?: number }).status ?? 0;
        if (i > 50 || (status >= 400 && status < 500)) throw e;
        await realClock.sleep(1);
      }
    }
  };
  return {
    query: (type, filter) => ({
      async *[Symbol.asyncIterator]() {
        yield* await again(async () => {
          const pages = [];
          for await (const p of api.query(type, filter)) pages.push(p);
          return pages;
        });
      },
    }),
    get: (type, id) => again(() => api.get(type, id)),
    create: api.create,
    update: api.update,
    delete: api.delete,
  };
};
