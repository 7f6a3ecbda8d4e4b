import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { parseSnapshot, formatIssues } from '../shared/model';
import { parseBasic } from './api/access';
import { checkJsonText } from './api/bodies';
import { createToken, revokeToken, setPassword, verifyCredential } from './credentials';
import { importSnapshot, primaryOf } from './db/seed';
import { tidy } from './setup';
import { errorBody, HttpError } from './errors';
import { formatFaults, makeRandom, parseFaults } from './faults';
import type { PlatformState } from './state';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The admin endpoint (platform/README.md): loopback only, and only for the platform's admin user.
 * It switches faults and the rate limit at run time, manages credentials and loads more tenants.
 */
export const adminRoutes = (state: PlatformState) => {
  const admin = new Hono<{ Bindings: HttpBindings }>();
  admin.use('*', async (c, next) => {
    if (!LOOPBACK.has(c.env.incoming.socket.remoteAddress ?? '')) throw new HttpError(403, 'the admin endpoint answers loopback clients only');
    const cred = parseBasic(c.req.header('authorization'));
    const ok = cred && cred.user === state.adminUser && (await verifyCredential(state.db, cred.user, cred.kind, cred.secret));
    if (!ok) throw new HttpError(401, `the admin endpoint needs the credentials of ${state.adminUser}`);
    await next();
  });
  const body = async (c: { req: { text(): Promise<string> } }): Promise<Record<string, unknown>> => {
    const t = await c.req.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = t.trim() ? (JSON.parse(t) as Record<string, unknown>) : {};
    } catch {
      throw new HttpError(400, 'the admin request body is not valid JSON');
    }
    checkJsonText(parsed);
    return parsed;
  };
  const str = (b: Record<string, unknown>, k: string): string | undefined => (typeof b[k] === 'string' ? (b[k] as string) : undefined);

  admin.get('/faults', (c) => c.json({ faults: formatFaults(state.faults) }));
  admin.put('/faults', async (c) => {
    const b = await body(c);
    try {
      state.faults = parseFaults(str(b, 'faults') ?? '');
    } catch (e) {
      throw new HttpError(400, (e as Error).message);
    }
    state.rnd = makeRandom(state.faults.seed);
    return c.json({ faults: formatFaults(state.faults) });
  });
  // The vendor profile's notification e-mails (notifyUser), so a test can tell which flag reached it.
  admin.get('/notifications', (c) => c.json({ count: state.notifications.length, notifications: state.notifications }));
  admin.get('/rate', (c) => c.json({ rate: state.limiter.perSecond }));
  admin.put('/rate', async (c) => {
    const rate = Number((await body(c)).rate);
    if (!Number.isFinite(rate) || !(rate === 0 || rate >= 1)) throw new HttpError(400, '"rate" must be 0 (off) or at least 1 request per second');
    state.limiter.perSecond = rate;
    return c.json({ rate });
  });
  admin.put('/token-ttl', async (c) => {
    const ms = Number((await body(c)).ms);
    if (!Number.isInteger(ms) || ms < 1) throw new HttpError(400, '"ms" must be a positive number of milliseconds');
    state.tokenTtlMs = ms;
    return c.json({ ms });
  });
  admin.post('/tokens', async (c) => {
    const b = await body(c);
    const user = str(b, 'user');
    if (!user) throw new HttpError(400, '"user" is required');
    const token = str(b, 'token');
    if (token !== undefined && token.length < 8) throw new HttpError(400, 'a token must have at least 8 characters');
    return c.json({ user, token: await createToken(state.db, user, token) });
  });
  admin.delete('/tokens', async (c) => {
    const b = await body(c);
    const user = str(b, 'user');
    if (!user) throw new HttpError(400, '"user" is required');
    return c.json({ user, revoked: await revokeToken(state.db, user, str(b, 'token')) });
  });
  admin.post('/passwords', async (c) => {
    const b = await body(c);
    const user = str(b, 'user');
    const password = str(b, 'password');
    if (!user || !password) throw new HttpError(400, '"user" and "password" are required');
    await setPassword(state.db, user, password).catch((e: Error) => {
      throw new HttpError(400, e.message);
    });
    return c.json({ user });
  });
  admin.post('/import', async (c) => {
    const r = parseSnapshot(await body(c));
    if (!r.ok) throw new HttpError(400, `the snapshot is not valid:\n${formatIssues(r.issues)}`);
    // A snapshot without a root account has no tenant to load into: the admin's mistake, refused
    // before the transaction opens.
    try {
      primaryOf(r.snapshot);
    } catch (e) {
      throw new HttpError(400, (e as Error).message);
    }
    const accountId = await state.db.transaction((tx) => importSnapshot(tx, r.snapshot));
    await tidy(state.db);
    return c.json({ accountId });
  });
  admin.onError((err, c) => {
    const status = err instanceof HttpError ? err.status : 500;
    return c.json(errorBody(err.message), status as 400);
  });
  return admin;
};
