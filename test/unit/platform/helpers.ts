import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../../platform';

export interface Reply {
  status: number;
  body: unknown;
  text: string;
}

export type Json = Record<string, unknown>;

export interface Client {
  call(method: string, path: string, body?: unknown, opts?: { auth?: string | null; contentType?: string; account?: string }): Promise<Reply>;
  query(type: string, expression?: unknown, account?: string): Promise<Reply>;
  /** QUERY then queryMore until no token is left; returns every record and the pages' sizes. */
  scan(type: string, expression?: unknown): Promise<{ records: Json[]; pages: number[]; first: Json }>;
}

export const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
export const tokenAuth = (user: string, token: string) => basic(`BOOMI_TOKEN.${user}`, token);

export const makeClient = (p: RunningPlatform, defaultAuth = tokenAuth(p.user, p.token), defaultAccount = p.accountId): Client => {
  const root = p.url.slice(0, p.url.lastIndexOf('/'));
  const call: Client['call'] = async (method, rel, body, opts = {}) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const auth = opts.auth === undefined ? defaultAuth : opts.auth;
    if (auth) headers.Authorization = auth;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['Content-Type'] = opts.contentType ?? (typeof body === 'string' ? 'text/plain' : 'application/json');
    }
    const res = await fetch(`${root}/${opts.account ?? defaultAccount}/${rel}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text };
  };
  const query: Client['query'] = (type, expression, account) =>
    call('POST', `${type}/query`, expression === undefined ? {} : { QueryFilter: { expression } }, { account });
  const scan: Client['scan'] = async (type, expression) => {
    let r = await query(type, expression);
    if (r.status !== 200) throw new Error(`query ${type}: ${r.status} ${r.text}`);
    const first = r.body as Json;
    const records: Json[] = [];
    const pages: number[] = [];
    for (;;) {
      const b = r.body as { result?: Json[]; queryToken?: string };
      records.push(...(b.result ?? []));
      pages.push(b.result?.length ?? 0);
      if (!b.queryToken) break;
      r = await call('POST', `${type}/queryMore`, b.queryToken);
      if (r.status !== 200) throw new Error(`queryMore ${type}: ${r.status} ${r.text}`);
    }
    return { records, pages, first };
  };
  return { call, query, scan };
};

export interface TestPlatform extends RunningPlatform {
  dir: string;
  api: Client;
  stop(): Promise<void>;
}

/** One platform on a fresh data dir and any free port; rate limit off unless asked for. */
export const startTestPlatform = async (opts: Partial<PlatformOptions> = {}, dir?: string): Promise<TestPlatform> => {
  const dataDir = dir ?? mkdtempSync(path.join(tmpdir(), 'roster-platform-test-'));
  const p = await startPlatform({ dataDir, port: 0, quiet: true, rate: 0, ...opts });
  return {
    ...p,
    dir: dataDir,
    api: makeClient(p),
    stop: async () => {
      await p.close();
      if (!dir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const eq = (property: string, value: string) => ({ operator: 'EQUALS', property, argument: [value] });
