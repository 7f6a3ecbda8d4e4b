import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { buildApp } from './app';
import { AuthThrottle } from './authThrottle';
import { openDatabase } from './db/open';
import { lockDir } from './dirLock';
import { makeRandom, parseFaults } from './faults';
import { RateLimiter } from './rateLimit';
import { DEFAULT_ADMIN, ensureAdmin, ensureSecret, ensureSeeded, type SeedTier } from './setup';
import { opaqueLinkIds } from './profile/opaque';
import type { PlatformProfile, PlatformState } from './state';
import type { Notification } from './api/access';

export interface PlatformOptions {
  dataDir: string;
  /** 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Used only when the data directory is new; an existing one is reopened as it is. */
  seed?: SeedTier;
  adminUser?: string;
  /** Random when not given. */
  adminToken?: string;
  /** Requests per second per account; 0 = off; default 10. */
  rate?: number;
  /** Same syntax as --faults. */
  faults?: string;
  quiet?: boolean;
  /** `roster` (default): the vendor's API plus extensions; `vendor`: exactly the vendor's API. */
  profile?: PlatformProfile;
  /** How long a queryToken stays valid (default 10 minutes). */
  tokenTtlMs?: number;
}

export interface RunningPlatform {
  url: string;
  accountId: string;
  user: string;
  token: string;
  port: number;
  /** `vendor` profile: the notification e-mails sent so far (none on `roster`). */
  notifications?(): readonly Notification[];
  close(): Promise<void>;
}

const listen = (app: ReturnType<typeof buildApp>, host: string, port: number): Promise<{ server: Server; port: number }> =>
  new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => resolve({ server: server as Server, port: info.port })) as Server;
    server.once('error', reject);
  });

/** The lock file in a platform's data dir. */
export const PLATFORM_LOCK = 'platform.lock';

/** Refuses options that cannot work before anything is created on disk. */
export const checkOptions = (opts: PlatformOptions): void => {
  if (opts.adminToken !== undefined && opts.adminToken.length < 8) throw new Error('the admin token must have at least 8 characters');
  if (opts.rate !== undefined && !(opts.rate === 0 || (Number.isFinite(opts.rate) && opts.rate >= 1))) {
    // A bucket smaller than one request never lets one through: every request would get 503 for good.
    throw new Error(`the rate must be 0 (off) or at least 1 request per second, not ${opts.rate}`);
  }
};

/** Starts the reference platform (embedded use and tests); `npm run platform` wraps this. */
export const startPlatform = async (opts: PlatformOptions): Promise<RunningPlatform> => {
  checkOptions(opts);
  const faults = parseFaults(opts.faults);
  // Two processes on one PGlite directory corrupt it: the standalone and the embedded platform
  // and `token create` all take this lock first.
  const unlock = lockDir(opts.dataDir, PLATFORM_LOCK, (pid) => `another platform (pid ${pid}) is using ${opts.dataDir}`);
  let db: Awaited<ReturnType<typeof openDatabase>>['db'];
  try {
    db = (await openDatabase(opts.dataDir)).db;
  } catch (e) {
    unlock();
    throw e;
  }
  try {
    const profile = opts.profile ?? 'roster';
    const accountId = await ensureSeeded(db, opts.seed ?? 'example', profile);
    const user = opts.adminUser ?? DEFAULT_ADMIN;
    const token = await ensureAdmin(db, accountId, user, opts.adminToken);
    if (profile === 'vendor') await opaqueLinkIds(db);
    const state: PlatformState = {
      profile, db, secret: await ensureSecret(db), tokenTtlMs: opts.tokenTtlMs ?? 10 * 60_000,
      limiter: new RateLimiter(opts.rate ?? 10), authThrottle: new AuthThrottle(), faults, rnd: makeRandom(faults.seed), adminUser: user,
      notifications: [], now: () => Date.now(), log: opts.quiet ? () => {} : (line) => process.stderr.write(`${line}\n`),
    };
    const host = opts.host ?? '127.0.0.1';
    const { server, port } = await listen(buildApp(state), host, opts.port ?? 0);
    let closed: Promise<void> | undefined;
    const close = () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => db.close()).finally(unlock));
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return { url: `http://${shownHost}:${port}/api/rest/v1/${accountId}`, accountId, user, token, port, notifications: () => state.notifications, close };
  } catch (e) {
    await db.close();
    unlock();
    throw e;
  }
};
