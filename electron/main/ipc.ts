import type { Envelope, Handlers } from '../../shared/ipc';
import { dispatch, type Log } from './services';
import { isTrustedSender } from './window';

import { CALL_CHANNEL } from './channels';

export { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

/** What registerIpc needs of ipcMain: typed loosely so tests pass a fake without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The sender check and the contract check, then the handler: the whole of main's IPC surface. */
export const handleCall = async (
  handlers: Handlers,
  rendererUrl: string,
  log: Log,
  frameUrl: string | undefined,
  channel: unknown,
  input: unknown,
): Promise<Envelope<unknown>> => {
  if (!isTrustedSender(frameUrl, rendererUrl)) {
    log.warn(`refused a call from a frame that is not Roster's renderer (${String(frameUrl).slice(0, 200)})`);
    return { ok: false, error: { code: 'forbidden', message: 'calls are accepted only from the Roster window' } };
  }
  return dispatch(handlers, channel, input, log);
};

export const registerIpc = (ipcMain: IpcMainLike, handlers: Handlers, rendererUrl: string, log: Log): (() => void) => {
  ipcMain.handle(CALL_CHANNEL, (event, channel, input) => handleCall(handlers, rendererUrl, log, event.senderFrame?.url, channel, input));
  return () => ipcMain.removeHandler(CALL_CHANNEL);
};
