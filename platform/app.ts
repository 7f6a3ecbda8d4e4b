import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ObjectType } from '../shared/model';
import { parseBasic, resolveAccess, type Ctx, type Notification } from './api/access';
import { checkJsonText, checkText } from './api/bodies';
import { runQuery, runQueryMore } from './api/query';
import { assignableRoles, bulkGet, getOne } from './api/read';
import { runWrite } from './api/write';
import { adminRoutes } from './admin';
import { verifyCredential } from './credentials';
import { errorBody, HttpError } from './errors';
import { vendorGate } from './profile/vendor';
import { decide, latencyMs } from './faults';
import type { PlatformState } from './state';
import { isObjectType, TYPES, type Verb } from './types';

type Env = { Bindings: HttpBindings; Variables: { ctx: Ctx } };

const MAX_BODY = 5 * 1024 * 1024;

const json = (c: Context<Env>, body: unknown, status = 200) => c.json(body as object, status as 200);

/** Closes the client's connection without an answer (fault injection). */
const dropConnection = (c: Context<Env>) => {
  c.env.incoming.socket.destroy();
  return new Response(null, { status: 500 });
};

/** The size limit is enforced in bytes while the body streams in (bodyLimit), never after buffering it. */
const readBody = (c: Context<Env>): Promise<string> => c.req.text();

const readJson = async (c: Context<Env>): Promise<unknown> => {
  const text = await readBody(c);
  if (!text.trim()) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  checkJsonText(body);
  return body;
};

const limitBody = bodyLimit({
  maxSize: MAX_BODY,
  onError: () => {
    throw new HttpError(413, `the request body is larger than ${MAX_BODY} bytes`);
  },
});

/** An id or account in the URL: NUL or a lone surrogate is a 400 before anything looks it up. */
const param = (c: Context<Env>, name: 'id' | 'account'): string => {
  const v = c.req.param(name) ?? '';
  checkText(`the URL's ${name}`, v);
  return v;
};

const typeOf = (name: string, verb: Verb): ObjectType => {
  if (!isObjectType(name)) throw new HttpError(410, `Endpoint is invalid or no longer exists: unknown object type "${name}"`);
  if (!TYPES[name].verbs.includes(verb)) throw new HttpError(405, `${name} does not support ${verb}`);
  return name;
};

const isWrite = (method: string, path: string) => method === 'DELETE' || (method === 'POST' && !/\/(query|queryMore|bulk)$/.test(path));

/** Injected faults come first: before auth, so they hit every API request alike. */
const faultMiddleware = (state: PlatformState): MiddlewareHandler<Env> => async (c, next) => {
  const f = state.faults;
  const delay = latencyMs(f, state.rnd);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  const d = decide(f, state.rnd);
  if (d === '503') return json(c, errorBody('service unavailable (injected fault)'), 503);
  if (d === '500') return json(c, errorBody('internal error (injected fault)'), 500);
  if (d === 'drop') return dropConnection(c);
  const commitDrop = f.commitDrop > 0 && isWrite(c.req.method, c.req.path) && state.rnd() < f.commitDrop;
  await next();
  if (commitDrop && c.res.status < 300) c.res = dropConnection(c);
};

/** The vendor would e-mail the user: kept for tests (GET /admin/notifications) and logged. */
const noteNotification = (state: PlatformState, n: Notification): void => {
  state.notifications.push(n);
  state.log(`notification e-mail to ${n.userId}: added to ${n.type === 'AccountGroupUserRole' ? 'group' : 'account'} ${n.on} with role ${n.roleId}`);
};

/** Credentials, then the URL's account and the user's privileges there, then its rate limit. */
const authMiddleware = (state: PlatformState): MiddlewareHandler<Env> => async (c, next) => {
  const cred = parseBasic(c.req.header('authorization'));
  const keys = [`address:${c.env.incoming?.socket?.remoteAddress ?? ''}`, ...(cred ? [`user:${cred.user.toLowerCase()}`] : [])];
  const wait = state.authThrottle.blockedFor(keys, state.now());
  const tooMany = () => {
    c.header('Retry-After', String(Math.max(1, wait)));
    return new HttpError(429, `too many failed sign-ins from this address or for this user; try again in ${Math.max(1, wait)} s`);
  };
  // While throttled, a password is not even hashed; a (cheap) token is still checked.
  if (wait > 0 && cred?.kind !== 'token') throw tooMany();
  const ok = !!cred && !cred.user.includes('\u0000') && (await verifyCredential(state.db, cred.user, cred.kind, cred.secret));
  if (!ok) {
    state.authThrottle.fail(keys, state.now());
    if (wait > 0) throw tooMany();
    c.header('WWW-Authenticate', 'Basic realm="Roster platform"');
    throw new HttpError(401, 'authentication failed: use HTTP Basic with a password or BOOMI_TOKEN.<user>:<API token>');
  }
  const ctx = await resolveAccess(state.db, param(c, 'account'), cred.user);
  if (!state.limiter.take(ctx.accountId, state.now())) {
    c.header('Retry-After', '1');
    throw new HttpError(503, `rate limit of ${state.limiter.perSecond} requests per second exceeded for account ${ctx.accountId}`);
  }
  c.set('ctx', state.profile === 'vendor' ? { ...ctx, vendor: true, notify: (n) => noteNotification(state, n) } : ctx);
  await next();
};

const apiRoutes = (state: PlatformState): Hono<Env> => {
  const api = new Hono<Env>();
  api.use('*', faultMiddleware(state));
  api.use('/:account/*', authMiddleware(state));
  api.use('/:account/*', limitBody);
  if (state.profile === 'vendor') {
    api.use('/:account/*', vendorGate(async (c, type, id, body) =>
      json(c as Context<Env>, await runWrite(state, (c as Context<Env>).get('ctx'), typeOf(type, 'UPDATE'), 'UPDATE', id, body))));
  }
  const env = () => ({ q: state.db, secret: state.secret, tokenTtlMs: state.tokenTtlMs, now: state.now() });
  api.get('/:account/getAssignableRoles', async (c) => json(c, await assignableRoles(state.db, c.get('ctx'))));
  api.post('/:account/:type/query', async (c) => {
    const type = typeOf(c.req.param('type'), 'QUERY');
    return json(c, await runQuery(env(), c.get('ctx'), type, await readJson(c)));
  });
  api.post('/:account/:type/queryMore', async (c) => {
    const type = typeOf(c.req.param('type'), 'QUERY');
    return json(c, await runQueryMore(env(), c.get('ctx'), type, await readBody(c)));
  });
  api.post('/:account/:type/bulk', async (c) => {
    const type = typeOf(c.req.param('type'), 'BULK');
    return json(c, await bulkGet(state.db, c.get('ctx'), type, await readJson(c)));
  });
  api.get('/:account/:type/:id', async (c) => {
    const type = typeOf(c.req.param('type'), 'GET');
    return json(c, await getOne(state.db, c.get('ctx'), type, param(c, 'id')));
  });
  api.post('/:account/:type', async (c) => {
    const type = typeOf(c.req.param('type'), 'CREATE');
    return json(c, await runWrite(state, c.get('ctx'), type, 'CREATE', undefined, await readJson(c)));
  });
  api.post('/:account/:type/:id', async (c) => {
    const type = typeOf(c.req.param('type'), 'UPDATE');
    return json(c, await runWrite(state, c.get('ctx'), type, 'UPDATE', param(c, 'id'), await readJson(c)));
  });
  api.delete('/:account/:type/:id', async (c) => {
    const type = typeOf(c.req.param('type'), 'DELETE');
    await runWrite(state, c.get('ctx'), type, 'DELETE', param(c, 'id'), undefined);
    return c.body(null, 200);
  });
  return api;
};

export const buildApp = (state: PlatformState): Hono<Env> => {
  const app = new Hono<Env>();
  app.onError((err, c) => {
    if (err instanceof HttpError) return json(c, errorBody(err.message), err.status);
    state.log(`platform: internal error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.stack : String(err)}`);
    return json(c, errorBody('internal error'), 500);
  });
  app.notFound((c) => json(c, errorBody(`no such endpoint: ${c.req.method} ${c.req.path}`), 404));
  app.route('/admin', adminRoutes(state));
  app.route('/api/rest/v1', apiRoutes(state));
  return app;
};
