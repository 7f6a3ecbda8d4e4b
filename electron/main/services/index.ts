import type { FetchLike } from '../../../shared/api';
import type { EventName, Handlers, IpcEvents } from '../../../shared/ipc';
import { ConnectionService, type ConnectionDeps } from './connection';
import { JournalStore } from './journal';
import { pull } from './pull';
import { PushService } from './push';
import type { Emit, Log } from './types';

export type Listener = <E extends EventName>(event: E, payload: IpcEvents[E]) => void;

export interface Services {
  handlers: Handlers;
  connection: ConnectionService;
  /** Subscribe a transport to main's events; returns the unsubscribe. */
  subscribe(listener: Listener): () => void;
  close(): Promise<void>;
}

export type ServicesOptions = Omit<ConnectionDeps, 'emit' | 'fetch'> & {
  fetch?: FetchLike;
  log: Log;
  /** Where pushed ops are journalled; in memory only when absent (tests). */
  journalFile?: string;
};

/** Main's services as plain Node: Electron and the browser host both serve these handlers. */
export const createServices = (opts: ServicesOptions): Services => {
  const listeners = new Set<Listener>();
  const emit: Emit = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  const fetch = opts.fetch ?? (globalThis.fetch as unknown as FetchLike);
  // The connection paces everything main sends (pull, probe and push) at the connected
  // platform's own limit (pacing.ts): 10/s unless the platform says otherwise.
  const connection = new ConnectionService({ ...opts, fetch, emit });
  const push = new PushService(connection, new JournalStore(opts.journalFile ?? null), emit, opts.log);
  const handlers: Handlers = {
    'connection.get': () => connection.info(),
    'connection.set': async (req) => {
      const before = await connection.info();
      const after = await connection.set(req);
      await push.connectionChanged(before.url === after.url && before.accountId === after.accountId);
      return after;
    },
    'platform.pull': (input) => pull(connection, opts.log, emit, input),
    'sync.push': (input) => push.push(input.ops, input.recorded ?? []),
    'sync.control': (input) => push.control(input.action),
    'sync.status': () => push.status(),
    'sync.withdraw': (input) => push.withdraw(input.ops),
  };
  return {
    handlers,
    connection,
    subscribe: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    close: async () => {
      await push.control('cancel');
      await connection.close();
    },
  };
};

export { CONNECT_UNASKED_AFTER_MS, connectUnasked } from './connection';
export { dispatch } from './dispatch';
export { lockDataDir } from './lock';
export { fileSecretStore, memorySecretStore, type Cipher, type SecretStore } from './secrets';
export { fileSettingsStore, memorySettingsStore } from './settings';
export { consoleLog, silentLog, type EmbeddedPlatform, type Log, type StartEmbedded } from './types';
