import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, silentLog } from '../../../electron/main/services';
import { startWebHost, type WebCalls, type WebHost } from '../../../electron/web/server';
import { resolveStatic } from '../../../electron/web/static';
import { webTransport } from '../../../renderer/src/bridge/web';
import { WEB_BRIDGE, bridgeOverTransport, type ConnectionInfo } from '../../../shared/ipc';
import { makeServices } from './fakes';

const SECRET = 'launch-secret-0123456789';
let host: WebHost | undefined;
let closeServices: (() => Promise<void>) | undefined;
afterEach(async () => {
  await host?.close();
  await closeServices?.();
  host = undefined;
});

const start = async () => {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'roster-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Roster</title>');
  const s = makeServices({ Account: [], AccountGroup: [{ id: 'g1', accountId: 'primary-1', name: 'Services 1' }] });
  closeServices = () => s.services.close();
  // Resolves when an event stream has subscribed, so a test never races the SSE connection.
  let onSubscribe = () => {};
  const subscribed = new Promise<void>((r) => (onSubscribe = r));
  const streams = { open: 0 };
  const calls = {
    call: (channel: unknown, input: unknown) => dispatch(s.services.handlers, channel, input, silentLog),
    subscribe: (l: Parameters<typeof s.services.subscribe>[0]) => {
      streams.open++;
      onSubscribe();
      const off = s.services.subscribe(l);
      return () => (streams.open--, off());
    },
  };
  host = await startWebHost({ port: 0, rendererDir, calls: () => Promise.resolve(calls), secret: SECRET, log: silentLog });
  return { ...s, subscribed, streams, rendererDir, base: `http://127.0.0.1:${host.port}` };
};

const post = (base: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${base}${WEB_BRIDGE.callPath}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser host', () => {
  it('prints a loopback URL whose fragment carries the secret', async () => {
    await start();
    expect(host!.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#secret=${SECRET}$`));
  });

  it('refuses calls and events without the secret, or with a wrong one (403), before any handler runs', async () => {
    const { base, platform } = await start();
    const call = { channel: 'platform.pull', input: { objectType: 'AccountGroup' } };
    expect((await post(base, call, {})).status).toBe(403);
    expect((await post(base, call, { [WEB_BRIDGE.secretHeader]: `${SECRET}x` })).status).toBe(403);
    expect((await fetch(`${base}${WEB_BRIDGE.eventsPath}`)).status).toBe(403);
    expect(platform.state.calls.filter((c) => c.url.includes('/AccountGroup/'))).toEqual([]);
    expect((await post(base, call, { [WEB_BRIDGE.secretHeader]: SECRET })).status).toBe(200);
    // One QUERY (then a GET per group for its Resources, which QUERY leaves out).
    expect(platform.state.calls.filter((c) => c.url.includes('/AccountGroup/query'))).toHaveLength(1);
  });

  it('validates calls against the contract (bad-input, unknown-channel) over HTTP', async () => {
    const { base } = await start();
    const h = { [WEB_BRIDGE.secretHeader]: SECRET };
    expect(await (await post(base, { channel: 'platform.pull', input: { objectType: 'Nope' } }, h)).json()).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await (await post(base, { channel: 'fs.read', input: '/etc/passwd' }, h)).json()).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses a call over 1 MB with 413 while it streams, before any handler runs', async () => {
    const { base, platform } = await start();
    const before = platform.state.calls.length;
    const r = await post(base, { channel: 'connection.get', pad: 'é'.repeat(600_000) }, { [WEB_BRIDGE.secretHeader]: SECRET });
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/larger than 1048576 bytes/) } });
    expect(platform.state.calls.length).toBe(before);
  });

  it('refuses another Host header (DNS rebinding) and a foreign Origin', async () => {
    const { base } = await start();
    const h = { [WEB_BRIDGE.secretHeader]: SECRET };
    expect((await post(base, { channel: 'connection.get' }, { ...h, Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('serves the page with the CSP header', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Roster</title>');
  });

  it('lets the browser keep content-named assets for good, and never the page (a second start reads its scripts from cache)', async () => {
    const { base, rendererDir } = await start();
    mkdirSync(path.join(rendererDir, 'assets'));
    writeFileSync(path.join(rendererDir, 'assets', 'GroupsArea-BgUAkz4L.js'), 'export {};');
    writeFileSync(path.join(rendererDir, 'assets', 'plain.js'), 'export {};');
    const cacheOf = async (p: string) => {
      const res = await fetch(`${base}${p}`);
      await res.arrayBuffer();
      return [res.status, res.headers.get('cache-control')];
    };
    expect(await cacheOf('/assets/GroupsArea-BgUAkz4L.js')).toEqual([200, 'public, max-age=31536000, immutable']);
    expect(await cacheOf('/assets/plain.js')).toEqual([200, 'no-cache']);
    expect(await cacheOf('/')).toEqual([200, 'no-store']);
    // An unknown path is answered with the page, which must not be kept under the asset's name.
    expect(await cacheOf('/assets/Gone-AAAAAAAA.js')).toEqual([200, 'no-store']);
  });

  it('the web bridge invokes through the host and receives connection.changed events', async () => {
    const { base, services, platform, subscribed, streams } = await start();
    const transport = webTransport({ secret: SECRET, base, reconnectMs: 50 });
    const bridge = bridgeOverTransport(transport);
    const seen: ConnectionInfo[] = [];
    const off = bridge.on('connection.changed', (i) => seen.push(i));
    const pulled = await bridge.invoke('platform.pull', { objectType: 'AccountGroup' });
    expect(pulled.records).toHaveLength(1);
    await expect(bridge.invoke('platform.pull', { objectType: 'Bogus' } as never)).rejects.toMatchObject({ name: 'RosterError', code: 'bad-input' });
    await subscribed;
    platform.state.down = true;
    await services.connection.probe();
    await expect.poll(() => seen.at(-1)?.online).toBe(false);
    off();
    transport.close();
    // The host lets go of a stream the page closed (no listener leak).
    await expect.poll(() => streams.open).toBe(0);
  });
});

describe('browser host before its services are loaded', () => {
  it('serves the page at once, says so (the host then loads its services), and holds calls until they are there', async () => {
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'roster-renderer-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Roster</title>');
    const s = makeServices({ Account: [], AccountGroup: [{ id: 'g1', accountId: 'primary-1', name: 'Services 1' }] });
    closeServices = () => s.services.close();
    let loaded: (c: WebCalls) => void = () => {};
    const calls = new Promise<WebCalls>((r) => (loaded = r));
    let asked = 0;
    let served = 0;
    host = await startWebHost({ port: 0, rendererDir, calls: () => (asked++, calls), onPageServed: () => served++, secret: SECRET, log: silentLog });
    const base = `http://127.0.0.1:${host.port}`;
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Roster</title>');
    expect(served).toBe(1);
    expect(asked).toBe(0);
    let answered = false;
    const call = post(base, { channel: 'platform.pull', input: { objectType: 'AccountGroup' } }, { [WEB_BRIDGE.secretHeader]: SECRET }).then(async (r) => {
      answered = true;
      return r.json();
    });
    await expect.poll(() => asked).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    loaded({ call: (channel, input) => dispatch(s.services.handlers, channel, input, silentLog), subscribe: s.services.subscribe });
    expect(await call).toMatchObject({ ok: true, value: { records: [{ id: 'g1' }] } });
  });
});

describe('static paths', () => {
  it('never resolves outside the renderer folder', () => {
    expect(resolveStatic('/srv/r', '/assets/a.js')).toBe('/srv/r/assets/a.js');
    expect(resolveStatic('/srv/r', '/../../etc/passwd')).toBe('/srv/r/etc/passwd');
    expect(resolveStatic('/srv/r', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/r/etc/passwd');
    expect(resolveStatic('/srv/r', '/%E0%A4%A')).toBeNull();
    expect(resolveStatic('/srv/r', '/a%00b')).toBeNull();
  });
});

describe('web bridge and a refused secret', () => {
  it('stops asking for events once the host refuses its secret (403)', async () => {
    const { base } = await start();
    let asked = 0;
    const counting: typeof fetch = (input, init) => (asked++, fetch(input, init));
    const t = webTransport({ secret: 'not-the-secret', base, fetch: counting, reconnectMs: 20 });
    const off = t.on('connection.changed', () => {});
    await new Promise((r) => setTimeout(r, 300));
    expect(asked).toBe(1);
    await expect(bridgeOverTransport(t).invoke('connection.get', undefined)).rejects.toMatchObject({ code: 'forbidden' });
    off();
  });
});
