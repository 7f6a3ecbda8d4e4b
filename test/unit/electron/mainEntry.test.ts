import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { lockDataDir } from '../../../electron/main/services/lock';

/**
 * electron/main/index.ts against a fake `electron` (no binary here): the window it opens, the
 * session's permission and CSP handlers, the navigation and window.open guards, and the IPC.
 */
const h = vi.hoisted(() => ({
  appHandlers: new Map<string, (...a: unknown[]) => unknown>(),
  windows: [] as { options: Record<string, unknown>; loaded?: string }[],
  ipc: new Map<string, unknown>(),
  permissionRequest: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((wc: unknown, p: string) => boolean),
  schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  protocols: new Map<string, (req: { url: string }) => unknown>(),
  headers: undefined as undefined | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    constructor(options: Record<string, unknown>) {
      h.windows.push({ options });
    }
    once() {}
    async loadFile(f: string) {
      h.windows.at(-1)!.loaded = f;
    }
    async loadURL(u: string) {
      h.windows.at(-1)!.loaded = u;
    }
  }
  return {
    app: {
      on: (ev: string, fn: (...a: unknown[]) => unknown) => void h.appHandlers.set(ev, fn),
      whenReady: () => Promise.resolve(),
      getPath: () => os.tmpdir() + '/roster-main-entry-test',
      setPath: () => {},
      requestSingleInstanceLock: () => true,
      isPackaged: true,
      quit: () => {},
      exit: () => {},
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (list: typeof h.schemes) => void h.schemes.push(...list),
      handle: (scheme: string, fn: (req: { url: string }) => unknown) => void h.protocols.set(scheme, fn),
    },
    net: { fetch: async (url: string) => ({ fetched: url }) },
    ipcMain: { handle: (c: string, fn: unknown) => void h.ipc.set(c, fn), removeHandler: (c: string) => void h.ipc.delete(c) },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof h.permissionRequest) => void (h.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof h.permissionCheck) => void (h.permissionCheck = fn),
        webRequest: { onHeadersReceived: (fn: typeof h.headers) => void (h.headers = fn) },
      },
    },
  };
});

vi.mock('../../../electron/main/embedded', () => ({
  startEmbedded: async () => ({ url: 'http://127.0.0.1:1/api/rest/v1/acc', accountId: 'acc', user: 'admin', token: 't', port: 1, close: async () => {} }),
}));

beforeAll(async () => {
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(h.windows.length).toBe(1));
});

describe('Electron main entry', () => {
  it('opens one window with the security baseline, loading the built renderer', () => {
    const web = h.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    // Paths are relative to the entry's folder (out/main once built): ../preload, ../renderer.
    expect(String(web.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(h.windows[0]!.loaded).toBe('app://roster/index.html');
  });

  it('serves the renderer over app:// (a standard, secure scheme) from out/renderer only', async () => {
    expect(h.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const serve = h.protocols.get('app')!;
    expect(await serve({ url: 'app://roster/index.html' })).toEqual({ fetched: expect.stringMatching(/^file:.*[/\\]renderer[/\\]index\.html$/) });
    expect((await serve({ url: 'app://roster/..%2f..%2fpackage.json' }) as Response).status).toBe(404);
  });

  it('denies navigation, redirects, webviews and window.open in every web contents', () => {
    const events = new Map<string, (e: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = { on: (ev: string, fn: (e: { preventDefault(): void }) => void) => void events.set(ev, fn), setWindowOpenHandler: (fn: () => { action: string }) => void (openHandler = fn) };
    h.appHandlers.get('web-contents-created')!({}, contents);
    for (const ev of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      events.get(ev)!({ preventDefault });
      expect(preventDefault, ev).toHaveBeenCalled();
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('denies permission requests and checks, and sends the CSP header', () => {
    const cb = vi.fn();
    h.permissionRequest!({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(h.permissionCheck!({}, 'notifications')).toBe(false);
    let out: Record<string, string[]> = {};
    h.headers!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => void (out = r.responseHeaders));
    expect(out['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(out['X-Other']).toEqual(['1']);
  });

  it('registers the one IPC channel, which refuses a foreign frame', async () => {
    const handler = h.ipc.get('roster:call') as (e: unknown, c: unknown, i: unknown) => Promise<unknown>;
    expect([...h.ipc.keys()]).toEqual(['roster:call']);
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'connection.get', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  // Last: it quits the app.
  it('takes the data-dir lock the browser host takes (roster.pid): a host on the same folder is refused until the app quits', async () => {
    const dir = os.tmpdir() + '/roster-main-entry-test';
    expect(readFileSync(path.join(dir, 'roster.pid'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(/another Roster \(pid \d+\) is using/);
    h.appHandlers.get('before-quit')!({ preventDefault: () => {} });
    await vi.waitFor(() => expect(existsSync(path.join(dir, 'roster.pid'))).toBe(false));
    lockDataDir(dir)();
  });
});
