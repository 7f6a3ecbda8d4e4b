import { beforeAll, describe, expect, it, vi } from 'vitest';

/** The preload against a fake `electron`: what it exposes is the contract and nothing else. */
const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const handlers: ((...a: unknown[]) => void)[] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return args[1] === 'connection.get' ? { ok: true, value: { online: true } } : { ok: false, error: { code: 'bad-input', message: 'nope' } };
    },
    on: (_ch: string, h: (...a: unknown[]) => void) => void handlers.push(h),
    removeListener: (_ch: string, h: (...a: unknown[]) => void) => void handlers.splice(handlers.indexOf(h), 1),
  },
}));

type Exposed = {
  call(c: string, i: unknown): Promise<unknown>;
  invoke(c: string, i: unknown): Promise<unknown>;
  on(e: string, l: (p: unknown) => void): () => void;
};

beforeAll(async () => {
  await import('../../../electron/preload/index');
});

describe('preload', () => {
  it('exposes only window.roster with call, invoke and on', () => {
    expect(Object.keys(exposed)).toEqual(['roster']);
    expect(Object.keys(exposed.roster as object).sort()).toEqual(['call', 'invoke', 'on']);
  });

  it('sends every call on the one roster:call channel and keeps envelopes', async () => {
    const roster = exposed.roster as Exposed;
    expect(await roster.call('connection.get', undefined)).toEqual({ ok: true, value: { online: true } });
    expect(invoked.at(-1)).toEqual(['roster:call', 'connection.get', undefined]);
    await expect(roster.invoke('platform.pull', {})).rejects.toThrow('bad-input: nope');
  });

  it('delivers only the subscribed event and unsubscribes', () => {
    const roster = exposed.roster as Exposed;
    const seen: unknown[] = [];
    const off = roster.on('connection.changed', (p) => seen.push(p));
    handlers.forEach((h) => h({}, 'pull.progress', { n: 1 }));
    handlers.forEach((h) => h({}, 'connection.changed', { online: false }));
    off();
    handlers.forEach((h) => h({}, 'connection.changed', { online: true }));
    expect(seen).toEqual([{ online: false }]);
  });
});
