import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { accountIdOf, apiBase, authorization, cleartextRefusal, createPlatformClient, isApiError, type FetchLike, type PlatformClient } from '../../../shared/api';
import { RosterError, type ConnectionInfo, type ConnectionRequest } from '../../../shared/ipc';
import { equalsFilter, type ObjectType } from '../../../shared/model';
import { realClock } from '../../../shared/sync/clock';
import { PlatformPacer } from '../../../shared/sync/pacer';
import { CAPABILITIES, probeCapabilities, type CapabilityName } from '../../../shared/sync/capabilities';
import type { SecretStore } from './secrets';
import type { SettingsStore } from './settings';
import type { Emit, EmbeddedPlatform, Log, StartEmbedded } from './types';

export interface ConnectionDeps {
  dataDir: string;
  fetch: FetchLike;
  secrets: SecretStore;
  settings: SettingsStore;
  startEmbedded: StartEmbedded;
  emit: Emit;
  log: Log;
  /** A remote platform named on the command line: wins over saved settings and is not saved. */
  override?: { url: string; user: string; token: string };
  /** How often to check the platform is reachable; 0 turns the periodic probe off. */
  probeIntervalMs?: number;
  timeoutMs?: number;
  /** The rate limit (requests/s) to pace at when the platform does not tell its own; default 10. */
  rateLimit?: number;
  /**
   * Connect (start the embedded platform) once this settles or a call first needs the platform,
   * whichever comes first; at once when absent. A host passes a bounded wait: opening PGlite
   * takes a core for over a second, which the page's first paint (from its own cache) needs more.
   */
  connectAfter?: Promise<unknown>;
}

interface Active {
  mode: 'embedded' | 'remote';
  url: string;
  accountId: string;
  user: string;
  client: PlatformClient;
  /** Asks the platform for its rate limit (0 = none); null when it does not say. */
  limit: () => Promise<number | null>;
  /** What this platform lacks, once probed (once per connection). */
  missing?: CapabilityName[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The reference platform tells its rate limit on its admin endpoint, which answers loopback
 * clients and its admin user only (platform/README.md). Any other platform (the vendor's) is not
 * asked: it gets the configured limit, and its 503s slow us down.
 */
const limitOf = (fetch: FetchLike, base: string, user: string, token: string) => async (): Promise<number | null> => {
  const u = new URL(base);
  if (!LOOPBACK.has(u.hostname)) return null;
  try {
    const res = await fetch(`${u.origin}/admin/rate`, { method: 'GET', headers: { Authorization: authorization(user, token), Accept: 'application/json' }, signal: AbortSignal.timeout(2_000) });
    if (res.status !== 200) return null;
    const rate = (JSON.parse(await res.text()) as { rate?: unknown }).rate;
    return typeof rate === 'number' && Number.isFinite(rate) && rate >= 0 ? rate : null;
  } catch {
    return null;
  }
};

/**
 * A host connects when the page first asks main for something (a page with a cache to show asks
 * only once that screen is drawn, renderer/src/app/startup.ts), or this long after its services
 * were made if nothing asked: opening the embedded platform takes a core for over a second, which
 * the page's first paint needs more on a 2-core machine.
 */
export const CONNECT_UNASKED_AFTER_MS = 3_000;

/** The hosts' bounded wait (ConnectionDeps.connectAfter); it keeps no process alive. */
export const connectUnasked = (ms = CONNECT_UNASKED_AFTER_MS): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref?.());

export const EMBEDDED_ADMIN = 'admin@roster.local';
const SECRET_EMBEDDED = 'embedded.adminToken';
const SECRET_REMOTE = 'remote.token';

/** The remote URL must name the account and must not carry credentials (those go in user/token). */
export const remoteTarget = (url: string): { base: string; accountId: string } => {
  const u = new URL(url);
  if (u.username || u.password) throw new RosterError('bad-input', 'put the user and token in their own fields, not in the URL');
  const clear = cleartextRefusal(url);
  if (clear) throw new RosterError('bad-input', clear);
  const base = apiBase(`${u.origin}${u.pathname}`);
  return { base, accountId: accountIdOf(base)! };
};

const remoteTargetOrError = (url: string) => {
  try {
    return remoteTarget(url);
  } catch (e) {
    if (e instanceof RosterError) throw e;
    throw new RosterError('bad-input', `the platform URL must look like https://api.boomi.com/api/rest/v1/<accountId> (got ${url})`);
  }
};

/** One read with the new credentials; throws a RosterError saying why they cannot be used. */
const verify = async (a: Active): Promise<void> => {
  try {
    for await (const _page of a.client.query('Account', equalsFilter('ACCOUNTID', a.accountId))) break;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (isApiError(e) && (e.kind === 'unauthorized' || e.status === 401 || e.status === 403)) {
      throw new RosterError('auth', `the platform refused ${a.user} with this token (${why}); the previous connection is kept`);
    }
    throw new RosterError('offline', `could not check the new connection (${why}); the previous connection is kept`);
  }
};

/**
 * Which platform main talks to (embedded by default, or remote), whether it is reachable, and the
 * one place its credentials live. Changes are serialised; every visible change is an event.
 */
export class ConnectionService {
  private active: Active | null = null;
  private embedded: EmbeddedPlatform | null = null;
  private online = false;
  private lastError: string | undefined;
  private queue: Promise<unknown>;
  /** Lets the first connection start (see ConnectionDeps.connectAfter); idempotent. */
  private wake: () => void = () => {};
  private closed = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastEmitted = '';
  /** One pacer for everything main sends, whichever platform is connected (pull, probe, push). */
  private readonly pacer: PlatformPacer;

  constructor(private readonly deps: ConnectionDeps) {
    this.pacer = new PlatformPacer(deps.fetch, { clock: realClock, random: Math.random, ...(deps.rateLimit !== undefined ? { fallbackRate: deps.rateLimit } : {}) });
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    if (deps.connectAfter) void deps.connectAfter.then(this.wake, this.wake);
    else this.wake();
    this.queue = woken.then(() => (this.closed ? undefined : this.initial()));
    const every = deps.probeIntervalMs ?? 10_000;
    if (every > 0) {
      this.timer = setInterval(() => void this.probe(), every);
      this.timer.unref?.();
    }
  }

  info = async (): Promise<ConnectionInfo> => {
    this.wake();
    await this.queue.catch(() => undefined);
    return this.snapshot();
  };

  set = (req: ConnectionRequest): Promise<ConnectionInfo> => {
    this.wake();
    const run = this.queue.catch(() => undefined).then(async () => {
      await this.activate(req, true);
      await this.probe();
      return this.snapshot();
    });
    this.queue = run;
    return run;
  };

  client = async (): Promise<PlatformClient> => {
    this.wake();
    await this.queue.catch(() => undefined);
    if (!this.active) throw new RosterError('offline', this.lastError ?? 'no platform is connected');
    return this.active.client;
  };

  /** The outcome of a call through the client: keeps `online` true to what just happened. */
  report = (err: unknown): void => {
    if (err === null) this.setState(true, undefined);
    else if (isApiError(err) && (err.kind === 'network' || err.kind === 'server')) this.setState(false, err.message);
    else if (isApiError(err) && err.kind === 'unauthorized') this.setState(true, err.message);
  };

  /** True when the connected platform was probed and does not offer this type: nothing to ask it. */
  lacks = (type: ObjectType): boolean => {
    const missing = this.active?.missing ?? [];
    return missing.some((c) => (CAPABILITIES[c].types as readonly ObjectType[]).includes(type));
  };

  /** Requests per second main paces at for the connected platform; 0 = not paced. */
  get pacedRate(): number {
    return this.pacer.rate;
  }

  probe = async (): Promise<void> => {
    const a = this.active;
    if (!a) return;
    await this.followLimit(a);
    try {
      let primary: Record<string, unknown> | undefined;
      for await (const page of a.client.query('Account', equalsFilter('ACCOUNTID', a.accountId))) {
        primary = page.records[0] as Record<string, unknown> | undefined;
        break;
      }
      // Capabilities once per connection: the Account just read, and one QUERY per extension type.
      if (!a.missing && primary) {
        const missing = await probeCapabilities(a.client, primary);
        if (this.active === a) a.missing = missing;
        if (missing.length) this.deps.log.info(`this platform's API lacks: ${missing.join(', ')}`);
      }
      this.report(null);
    } catch (e) {
      this.report(e);
    }
  };

  /** Pace at the platform's own limit when it tells it (a runtime change included), else the configured one. */
  private async followLimit(a: Active): Promise<void> {
    const told = await a.limit();
    if (this.active === a) this.pacer.setRate(told ?? this.pacer.fallbackRate);
  }

  close = async (): Promise<void> => {
    if (this.timer) clearInterval(this.timer);
    // Closing before anything asked for the platform must not start it only to stop it.
    this.closed = true;
    this.wake();
    await this.queue.catch(() => undefined);
    await this.stopEmbedded();
  };

  private snapshot(): ConnectionInfo {
    const a = this.active;
    const info: ConnectionInfo = {
      mode: a?.mode ?? 'embedded',
      url: a?.url ?? '',
      accountId: a?.accountId ?? '',
      user: a?.user ?? '',
      online: a ? this.online : false,
    };
    if (this.lastError) info.lastError = this.lastError;
    if (a?.missing) info.missingCapabilities = a.missing;
    return info;
  }

  private setState(online: boolean, lastError: string | undefined) {
    this.online = online;
    this.lastError = lastError;
    const info = this.snapshot();
    const key = JSON.stringify(info);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    // Before any platform is active (a saved remote without its token) there is nothing to name.
    const where = info.url ? ` (${info.mode} ${info.url})` : '';
    this.deps.log.info(`platform ${info.online ? 'online' : 'offline'}${where}${info.lastError ? `: ${info.lastError}` : ''}`);
    this.deps.emit('connection.changed', info);
  }

  private async initial(): Promise<void> {
    const { override, settings } = this.deps;
    try {
      if (override) await this.activate({ mode: 'remote', ...override }, false);
      else await this.activate((await settings.load()) ?? { mode: 'embedded' }, false);
      await this.probe();
    } catch (e) {
      this.setState(false, e instanceof Error ? e.message : String(e));
    }
  }

  private async activate(req: ConnectionRequest | { mode: 'remote'; url: string; user: string; token?: string }, save: boolean) {
    if (req.mode === 'embedded') {
      this.active = await this.startEmbedded();
      if (save) await this.deps.settings.save({ mode: 'embedded' });
      return;
    }
    const { base, accountId } = remoteTargetOrError(req.url);
    const token = req.token ?? (await this.deps.secrets.get(SECRET_REMOTE));
    if (!token) throw new RosterError('auth', 'no token is saved for the remote platform; connect again with your API token');
    const candidate: Active = { mode: 'remote', url: base, accountId, user: req.user, client: this.makeClient(base, req.user, token), limit: limitOf(this.deps.fetch, base, req.user, token) };
    // What the admin types is tried before it replaces anything: a refused token or an unreachable
    // URL leaves the current connection, its saved token and its online state as they were.
    if (save) await verify(candidate);
    await this.stopEmbedded();
    this.active = candidate;
    if (save) {
      await this.deps.secrets.set(SECRET_REMOTE, token);
      await this.deps.settings.save({ mode: 'remote', url: base, user: req.user });
    }
  }

  private async startEmbedded(): Promise<Active> {
    if (!this.embedded) {
      const adminToken = (await this.deps.secrets.get(SECRET_EMBEDDED)) ?? randomBytes(24).toString('base64url');
      await this.deps.secrets.set(SECRET_EMBEDDED, adminToken);
      const dataDir = path.join(this.deps.dataDir, 'platform');
      this.deps.log.info(`starting the embedded platform (data in ${dataDir})`);
      this.embedded = await this.deps.startEmbedded({ dataDir, adminUser: EMBEDDED_ADMIN, adminToken });
    }
    const p = this.embedded;
    const url = apiBase(p.url, p.accountId);
    return { mode: 'embedded', url, accountId: p.accountId, user: p.user, client: this.makeClient(url, p.user, p.token), limit: limitOf(this.deps.fetch, url, p.user, p.token) };
  }

  private async stopEmbedded() {
    const p = this.embedded;
    this.embedded = null;
    if (p) await p.close();
  }

  private makeClient(baseUrl: string, user: string, token: string): PlatformClient {
    const opts = { baseUrl, user, token, fetch: this.pacer.fetch };
    return createPlatformClient(this.deps.timeoutMs ? { ...opts, timeoutMs: this.deps.timeoutMs } : opts);
  }
}
