import type { RunningPlatform } from '../../../platform';
import type { EventName, IpcEvents } from '../../../shared/ipc';

/** Pushes an event to every connected renderer (IPC in Electron, SSE in the browser host). */
export type Emit = <E extends EventName>(event: E, payload: IpcEvents[E]) => void;

/** Main's log. Callers pass messages that never contain a credential. */
export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

export const consoleLog: Log = {
  info: (msg) => console.error(`roster: ${msg}`),
  warn: (msg) => console.error(`roster: warning: ${msg}`),
};

export const silentLog: Log = { info: () => {}, warn: () => {} };

/** What startPlatform hands back; injected so tests need no database. */
export type EmbeddedPlatform = RunningPlatform;
export type StartEmbedded = (opts: { dataDir: string; adminUser: string; adminToken: string }) => Promise<EmbeddedPlatform>;
