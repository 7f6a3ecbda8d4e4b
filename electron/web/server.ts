import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../../shared/ipc';
import { WEB_BRIDGE } from '../../shared/webBridge';
import type { Services } from '../main/services';
import type { Log } from '../main/services/types';
import { SECURITY_HEADERS, serveStatic } from './static';
import { startupFirst } from './startupTrace';

/** What the server asks of main's services: each call answered as an envelope, and the events. */
export interface WebCalls {
  call(channel: unknown, input: unknown): Promise<Envelope<unknown>>;
  subscribe: Services['subscribe'];
}

export interface WebHostOptions {
  port: number;
  rendererDir: string;
  /**
   * Main's services, loaded on first use (the host's main.ts): the server listens and serves the
   * page before zod and the services' modules are even read.
   */
  calls: () => Promise<WebCalls>;
  /** After the page itself (index.html) was sent: the host loads its services then, if not before. */
  onPageServed?: () => void;
  secret: string;
  log: Log;
  host?: string;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

const sameSecret = (given: string | string[] | undefined, secret: string): boolean => {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Refuses other Host names (DNS rebinding) and other origins, before the secret is even read. */
const trustedRequest = (req: IncomingMessage, port: number): boolean => {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || hosts.some((h) => origin === `http://${h}`);
};

/** The call's text; null once it passes MAX_BODY bytes (counted as they stream in, nothing more kept). */
const readBody = (req: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) resolve(null);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const json = (res: ServerResponse, status: number, body: Envelope<unknown>) =>
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));

const refuse = (res: ServerResponse, status: number, message: string) => json(res, status, { ok: false, error: { code: 'forbidden', message } });

const handleCall = async (o: WebHostOptions, req: IncomingMessage, res: ServerResponse) => {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'calls must be JSON');
  let parsed: unknown;
  try {
    const text = await readBody(req);
    if (text === null) {
      return json(res, 413, { ok: false, error: { code: 'bad-input', message: `the call is larger than ${MAX_BODY} bytes` } });
    }
    parsed = JSON.parse(text);
  } catch (e) {
    return json(res, 400, { ok: false, error: { code: 'bad-input', message: `unreadable call: ${(e as Error).message}` } });
  }
  const { channel, input } = (parsed ?? {}) as { channel?: unknown; input?: unknown };
  json(res, 200, await (await o.calls()).call(channel, input));
};

const handleEvents = async (o: WebHostOptions, res: ServerResponse) => {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': roster\n\n');
  let closed = false;
  let off = () => {};
  const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  res.on('close', () => {
    closed = true;
    off();
    clearInterval(beat);
  });
  const calls = await o.calls();
  if (!closed) off = calls.subscribe((event, payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`));
};

const route = async (o: WebHostOptions, port: number, req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (!trustedRequest(req, port)) return refuse(res, 403, 'wrong host or origin');
  const isApi = url.pathname === WEB_BRIDGE.callPath || url.pathname === WEB_BRIDGE.eventsPath;
  if (isApi && !sameSecret(req.headers[WEB_BRIDGE.secretHeader], o.secret)) return refuse(res, 403, 'missing or wrong launch secret');
  if (url.pathname === WEB_BRIDGE.callPath && req.method === 'POST') return handleCall(o, req, res);
  if (url.pathname === WEB_BRIDGE.eventsPath && req.method === 'GET') return handleEvents(o, res);
  if (isApi || (req.method !== 'GET' && req.method !== 'HEAD')) return refuse(res, 405, 'method not allowed');
  const asset = url.pathname.startsWith('/assets/');
  startupFirst(asset ? 'firstAsset' : 'firstPage');
  await serveStatic(o.rendererDir, url.pathname, res);
  if (!asset) o.onPageServed?.();
};

/**
 * The browser host's server: the built renderer plus main's services over loopback. Every call
 * carries the per-launch secret, which the page only knows from its URL fragment.
 */
export const startWebHost = (o: WebHostOptions): Promise<WebHost> =>
  new Promise((resolve, reject) => {
    const host = o.host ?? '127.0.0.1';
    let port = o.port;
    const server = createServer((req, res) => {
      route(o, port, req, res).catch((e: unknown) => {
        o.log.warn(`web host: ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: 'the browser host failed' } });
        else res.end();
      });
    });
    server.once('error', reject);
    server.listen(o.port, host, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://${host}:${port}/#${WEB_BRIDGE.fragmentKey}=${o.secret}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
