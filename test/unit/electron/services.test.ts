import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServices, dispatch, memorySecretStore, memorySettingsStore, silentLog } from '../../../electron/main/services';
import type { ConnectionInfo } from '../../../shared/ipc';
import { EMBEDDED_ADMIN } from '../../../electron/main/services/connection';
import { TOKEN, makeServices } from './fakes';

const group = { '@type': 'AccountGroup', id: 'g1', accountId: 'primary-1', name: 'Services 1' };
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});
const setup = (records: Record<string, unknown[]> = {}, more: { connectAfter?: Promise<unknown> } = {}) => {
  const s = makeServices(records, more);
  cleanup = () => s.services.close();
  return s;
};

describe('connection service', () => {
  it('starts the embedded platform by default, with data under the data dir and a saved admin token', async () => {
    const { services, embedded, secrets } = setup({ Account: [] });
    const info = await services.handlers['connection.get'](undefined);
    expect(info).toEqual({ mode: 'embedded', url: 'http://127.0.0.1:1/api/rest/v1/primary-1', accountId: 'primary-1', user: EMBEDDED_ADMIN, online: true });
    expect(embedded.started).toHaveLength(1);
    expect(embedded.started[0]!.dataDir).toBe('/tmp/roster-test-data/platform');
    expect(await secrets.get('embedded.adminToken')).toBe(embedded.started[0]!.adminToken);
  });

  it('never puts the token in what the renderer sees (info, events, errors)', async () => {
    const { services, platform, events } = setup({ Account: [] });
    await services.handlers['connection.get'](undefined);
    platform.state.down = true;
    const r = await dispatch(services.handlers, 'platform.pull', { objectType: 'Account' }, silentLog);
    const seen = JSON.stringify([await services.handlers['connection.get'](undefined), events, r]);
    expect(seen).not.toContain(TOKEN);
    expect(platform.state.calls[0]!.auth).toBe(`Basic ${Buffer.from(`BOOMI_TOKEN.${EMBEDDED_ADMIN}:${TOKEN}`).toString('base64')}`);
  });

  it('goes offline when the platform cannot be reached and back online when it can, with events', async () => {
    const { services, platform, events } = setup({ Account: [] });
    await services.handlers['connection.get'](undefined);
    platform.state.down = true;
    await services.connection.probe();
    expect((await services.handlers['connection.get'](undefined)).online).toBe(false);
    platform.state.down = false;
    await services.connection.probe();
    expect(events.map((e) => [e.event, (e.payload as ConnectionInfo).online])).toEqual([
      ['connection.changed', true],
      ['connection.changed', false],
      ['connection.changed', true],
    ]);
  });

  it('switches to a remote platform, keeps its token in the secret store only, and closes the embedded one', async () => {
    const { services, embedded, secrets, settings } = setup({ Account: [] });
    const info = await services.handlers['connection.set']({ mode: 'remote', url: 'https://api.example.com/api/rest/v1/acc-9', user: 'me@x.com', token: 'remote-T' });
    expect(info).toMatchObject({ mode: 'remote', url: 'https://api.example.com/api/rest/v1/acc-9', accountId: 'acc-9', user: 'me@x.com', online: true });
    expect(await secrets.get('remote.token')).toBe('remote-T');
    expect(JSON.stringify(await settings.load())).not.toContain('remote-T');
    expect(embedded.closed()).toBe(1);
  });

  it('refuses a remote URL that does not name the account, or carries credentials', async () => {
    const { services } = setup({ Account: [] });
    await expect(services.handlers['connection.set']({ mode: 'remote', url: 'https://api.example.com/', user: 'u', token: 't' })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(
      services.handlers['connection.set']({ mode: 'remote', url: 'https://u:p@api.example.com/api/rest/v1/a', user: 'u', token: 't' }),
    ).rejects.toMatchObject({ code: 'bad-input' });
    expect((await services.handlers['connection.get'](undefined)).mode).toBe('embedded');
  });
});

describe('connection service: when the platform starts', () => {
  /** A moment for anything already due to run (the start is not, until asked). */
  const settle = () => new Promise((r) => setTimeout(r, 50));
  const never = new Promise<void>(() => {});

  it('with a host’s wait, nothing starts until a call needs the platform: the first one starts it and is answered', async () => {
    const { services, embedded } = setup({ Account: [] }, { connectAfter: never });
    await settle();
    expect(embedded.started).toHaveLength(0);
    // The push queue's status needs no platform and starts nothing.
    await services.handlers['sync.status'](undefined);
    await settle();
    expect(embedded.started).toHaveLength(0);
    expect(await services.handlers['connection.get'](undefined)).toMatchObject({ mode: 'embedded', accountId: 'primary-1', online: true });
    expect(embedded.started).toHaveLength(1);
  });

  it('a pull is a call that needs it too', async () => {
    const { services, embedded } = setup({ Account: [] }, { connectAfter: never });
    const r = await dispatch(services.handlers, 'platform.pull', { objectType: 'Account' }, silentLog);
    expect(r).toMatchObject({ ok: true });
    expect(embedded.started).toHaveLength(1);
  });

  it('unasked, it starts once the host’s wait is over (and only once)', async () => {
    let over: () => void = () => {};
    const { services, embedded, events } = setup({ Account: [] }, { connectAfter: new Promise<void>((r) => (over = r)) });
    await settle();
    expect(embedded.started).toHaveLength(0);
    over();
    await vi.waitFor(() => expect(events.map((e) => e.event)).toContain('connection.changed'));
    expect(embedded.started).toHaveLength(1);
    await services.handlers['connection.get'](undefined);
    expect(embedded.started).toHaveLength(1);
  });

  it('closed before anything asked: the platform is never started', async () => {
    const { services, embedded } = setup({ Account: [] }, { connectAfter: never });
    await services.close();
    await settle();
    expect(embedded.started).toHaveLength(0);
    expect(embedded.closed()).toBe(0);
  });
});

describe('platform.pull', () => {
  it('returns valid records, quarantines bad ones and marks an unfiltered scan complete', async () => {
    const { services } = setup({ Account: [], AccountGroup: [group, { id: 'bad' }] });
    const r = await services.handlers['platform.pull']({ objectType: 'AccountGroup' });
    expect(r.records).toEqual([group]);
    expect(r.quarantined).toMatchObject([{ objectType: 'AccountGroup', index: 1 }]);
    expect(r.complete).toBe(true);
    const filtered = await services.handlers['platform.pull']({
      objectType: 'AccountGroup',
      filter: { QueryFilter: { expression: { operator: 'EQUALS', property: 'id', argument: ['g1'] } } },
    });
    expect(filtered.complete).toBe(false);
  });

  it('an unreachable platform is an "offline" envelope, a 401 an "auth" one', async () => {
    const { services, platform } = setup({ Account: [] });
    await services.handlers['connection.get'](undefined);
    platform.state.down = true;
    expect(await dispatch(services.handlers, 'platform.pull', { objectType: 'Role' }, silentLog)).toMatchObject({ ok: false, error: { code: 'offline' } });
    platform.state.down = false;
    platform.state.status = 401;
    expect(await dispatch(services.handlers, 'platform.pull', { objectType: 'Role' }, silentLog)).toMatchObject({ ok: false, error: { code: 'auth' } });
  });
});

describe('connection service: start-up failures', () => {
  it('an embedded platform that cannot start leaves main answering, offline, with the reason', async () => {
    const services = createServices({
      dataDir: '/tmp/x',
      secrets: memorySecretStore(),
      settings: memorySettingsStore(),
      startEmbedded: async () => {
        throw new Error('data directory is locked by another platform');
      },
      log: silentLog,
      probeIntervalMs: 0,
    });
    cleanup = () => services.close();
    expect(await services.handlers['connection.get'](undefined)).toMatchObject({ online: false, lastError: 'data directory is locked by another platform' });
    expect(await dispatch(services.handlers, 'platform.pull', { objectType: 'Account' }, silentLog)).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('a saved remote connection whose token is gone asks to connect again', async () => {
    const services = createServices({
      dataDir: '/tmp/x',
      secrets: memorySecretStore(),
      settings: memorySettingsStore({ mode: 'remote', url: 'https://api.example.com/api/rest/v1/acc', user: 'u' }),
      startEmbedded: async () => {
        throw new Error('must not start');
      },
      log: silentLog,
      probeIntervalMs: 0,
    });
    cleanup = () => services.close();
    const info = await services.handlers['connection.get'](undefined);
    expect(info.online).toBe(false);
    expect(info.lastError).toMatch(/no token is saved/);
  });
});

describe('pull.progress', () => {
  it('reports each page of a scan as it arrives', async () => {
    const groups = Array.from({ length: 3 }, (_, i) => ({ id: `g${i}`, accountId: 'primary-1', name: `G${i}` }));
    const { services, events } = setup({ Account: [], AccountGroup: groups });
    await services.handlers['platform.pull']({ objectType: 'AccountGroup' });
    expect(events.filter((e) => e.event === 'pull.progress').map((e) => e.payload)).toEqual([{ objectType: 'AccountGroup', received: 3, total: 3, pages: 1 }]);
  });
});
