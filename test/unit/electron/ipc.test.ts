import { describe, expect, it } from 'vitest';
import { CALL_CHANNEL, handleCall, registerIpc, type IpcMainLike } from '../../../electron/main/ipc';
import { silentLog } from '../../../electron/main/services';
import type { Handlers } from '../../../shared/ipc';

const RENDERER = 'file:///opt/roster/out/renderer/index.html';

/** Handlers that record what reached them: a refused call must never get this far. */
const spyHandlers = () => {
  const reached: string[] = [];
  const info = { mode: 'embedded' as const, url: 'u', accountId: 'a', user: 'x', online: true };
  const idle = { done: 0, total: 0, rate: 0, etaMs: null, paused: false, running: 0 };
  const handlers: Handlers = {
    'connection.get': async () => (reached.push('connection.get'), info),
    'connection.set': async () => (reached.push('connection.set'), info),
    'platform.pull': async (i) => (reached.push('platform.pull'), { objectType: i.objectType, records: [], quarantined: [], complete: true }),
    'sync.push': async () => (reached.push('sync.push'), idle),
    'sync.control': async () => (reached.push('sync.control'), idle),
    'sync.status': async () => (reached.push('sync.status'), idle),
    'sync.withdraw': async () => (reached.push('sync.withdraw'), { withdrawn: [], sending: [] }),
  };
  return { handlers, reached };
};

const call = (h: Handlers, channel: unknown, input: unknown, frame: string | null = `${RENDERER}#/groups`) =>
  handleCall(h, RENDERER, silentLog, frame ?? undefined, channel, input);

describe('IPC: contract validation', () => {
  it('passes a valid call to its handler, as an envelope', async () => {
    const { handlers, reached } = spyHandlers();
    expect(await call(handlers, 'platform.pull', { objectType: 'AccountGroup' })).toMatchObject({ ok: true, value: { objectType: 'AccountGroup' } });
    expect(reached).toEqual(['platform.pull']);
  });

  it.each([
    ['an unknown object type', 'platform.pull', { objectType: 'Users' }],
    ['an extra field', 'platform.pull', { objectType: 'Account', sql: 'drop' }],
    ['a missing field', 'platform.pull', {}],
    ['a remote URL that is not http(s)', 'connection.set', { mode: 'remote', url: 'file:///etc/passwd', user: 'u', token: 't' }],
    ['an unknown key beside the embedded mode', 'connection.set', { mode: 'embedded', bogus: 1 }],
    ['an unknown key in a remote connection', 'connection.set', { mode: 'remote', url: 'https://a.b/api/rest/v1/x', user: 'u', token: 't', proxy: 'x' }],
    ['an empty token', 'connection.set', { mode: 'remote', url: 'https://a.b/api/rest/v1/x', user: 'u', token: '' }],
    ['an argument where none is taken', 'connection.get', { any: 1 }],
    ['an unknown sync action', 'sync.control', { action: 'explode' }],
    ['a withdraw of nothing', 'sync.withdraw', { ops: [] }],
    ['an empty push', 'sync.push', { ops: [] }],
    ['a pushed op without its round', 'sync.push', { ops: [{ id: 'o', planId: 'p', seq: 0, args: { op: 'group.rename', groupId: 'g', name: 'N' }, precondition: { expect: [] }, status: 'pending', attempts: 0, createdAt: 1, updatedAt: 1 }] }],
    ['a pushed op with a malformed plan op', 'sync.push', { ops: [{ id: 'o', planId: 'p', seq: 0, round: 0, args: { op: 'group.rename', groupId: '', name: 'N' }, precondition: { expect: [] }, status: 'pending', attempts: 0, createdAt: 1, updatedAt: 1 }] }],
    ['a pushed op with a status outside the vocabulary', 'sync.push', { ops: [{ id: 'o', planId: 'p', seq: 0, round: 0, args: { op: 'group.rename', groupId: 'g', name: 'N' }, precondition: { expect: [] }, status: 'done', attempts: 0, createdAt: 1, updatedAt: 1 }] }],
  ])('refuses %s as bad-input, before any handler runs', async (_why, channel, input) => {
    const { handlers, reached } = spyHandlers();
    const r = await call(handlers, channel, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(reached).toEqual([]);
  });

  it.each([['no.such.channel'], ['__proto__'], ['toString'], [42], [null]])('refuses the unknown channel %j', async (channel) => {
    const { handlers, reached } = spyHandlers();
    expect(await call(handlers, channel, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(reached).toEqual([]);
  });
});

describe('IPC: sender check', () => {
  it.each([
    ['another file', 'file:///tmp/evil.html'],
    ['a web page', 'https://example.com/'],
    ['no frame', null],
    ['a garbled URL', 'not a url'],
  ])('refuses a call from %s as forbidden', async (_why, frame) => {
    const { handlers, reached } = spyHandlers();
    expect(await call(handlers, 'connection.get', undefined, frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(reached).toEqual([]);
  });

  it('accepts the dev server origin when the renderer is served from it', async () => {
    const { handlers } = spyHandlers();
    const dev = await handleCall(handlers, 'http://localhost:5173/', silentLog, 'http://localhost:5173/#/sync', 'connection.get', undefined);
    const other = await handleCall(handlers, 'http://localhost:5173/', silentLog, 'http://localhost:5174/', 'connection.get', undefined);
    expect([dev.ok, other.ok]).toEqual([true, false]);
  });
});

describe('IPC: errors keep their code, internals stay in main', () => {
  it('a RosterError keeps its code; an unexpected error is "internal" with no details', async () => {
    const { handlers } = spyHandlers();
    handlers['connection.get'] = async () => {
      throw new Error('boom at /home/secret/path');
    };
    const r = await call(handlers, 'connection.get', undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(r)).not.toContain('/home/secret');
  });
});

describe('registerIpc', () => {
  it('registers one handler that checks the sender frame', async () => {
    const registered = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const fake: IpcMainLike = { handle: (c, l) => void registered.set(c, l), removeHandler: (c) => void registered.delete(c) };
    const { handlers } = spyHandlers();
    const off = registerIpc(fake, handlers, RENDERER, silentLog);
    const listener = registered.get(CALL_CHANNEL)!;
    expect(await listener({ senderFrame: { url: RENDERER } }, 'connection.get', undefined)).toMatchObject({ ok: true });
    expect(await listener({ senderFrame: null }, 'connection.get', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    off();
    expect(registered.size).toBe(0);
  });
});
