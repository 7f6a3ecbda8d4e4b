import type { FetchLike } from '../../../shared/api';
import { createServices, memorySecretStore, memorySettingsStore, silentLog, type StartEmbedded } from '../../../electron/main/services';
import type { EventName, IpcEvents } from '../../../shared/ipc';

export const TOKEN = 'tok-embedded-SECRET';

/** A platform behind fetch: answers every QUERY with `records[type]`, or is down. */
export const fakePlatform = (records: Record<string, unknown[]>) => {
  const state = { down: false, status: 200, calls: [] as { url: string; auth: string }[] };
  const fetch: FetchLike = async (url, init) => {
    state.calls.push({ url, auth: init.headers.Authorization ?? '' });
    if (state.down) throw new TypeError('fetch failed');
    if (state.status !== 200) return { status: state.status, text: async () => '{"@type":"Error","message":"refused"}' };
    const type = /\/([A-Za-z]+)\/query$/.exec(url)?.[1] ?? '';
    const result = records[type] ?? [];
    return { status: 200, text: async () => JSON.stringify({ numberOfResults: result.length, result }) };
  };
  return { fetch, state };
};

export const fakeEmbedded = () => {
  const started: { dataDir: string; adminUser: string; adminToken: string }[] = [];
  let closed = 0;
  const start: StartEmbedded = async (o) => {
    started.push(o);
    return { url: 'http://127.0.0.1:1', accountId: 'primary-1', user: o.adminUser, token: TOKEN, port: 1, close: async () => void closed++ };
  };
  return { start, started, closed: () => closed };
};

export const makeServices = (records: Record<string, unknown[]> = {}, more: { connectAfter?: Promise<unknown> } = {}) => {
  const platform = fakePlatform(records);
  const embedded = fakeEmbedded();
  const secrets = memorySecretStore();
  const settings = memorySettingsStore();
  const events: { event: EventName; payload: IpcEvents[EventName] }[] = [];
  const services = createServices({
    dataDir: '/tmp/roster-test-data',
    fetch: platform.fetch,
    secrets,
    settings,
    startEmbedded: embedded.start,
    log: silentLog,
    probeIntervalMs: 0,
    ...more,
  });
  services.subscribe((event, payload) => events.push({ event, payload }));
  return { services, platform, embedded, secrets, settings, events };
};
