import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Channel, Envelope, EventName, IpcEvents, RosterTransport } from '../../shared/ipc';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../main/channels';

/**
 * window.roster: the ipc.ts contract and nothing else (no ipcRenderer, no Node). Only type
 * imports from shared/, so this sandboxed CommonJS bundle requires nothing but 'electron'.
 * Envelopes cross as they are; the renderer's getRoster() turns failures into RosterErrors.
 */
const call = (channel: Channel, input: unknown): Promise<Envelope<unknown>> => ipcRenderer.invoke(CALL_CHANNEL, channel, input);

const on = <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void): (() => void) => {
  const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
    if (name === event) listener(payload as IpcEvents[E]);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler);
};

const invoke = async (channel: Channel, input: unknown): Promise<unknown> => {
  const r = await call(channel, input);
  if (r.ok) return r.value;
  // contextBridge keeps only an Error's message, so the code leads it.
  throw new Error(`${r.error.code}: ${r.error.message}`);
};

const transport: RosterTransport & { invoke: typeof invoke } = { call, on, invoke };
contextBridge.exposeInMainWorld('roster', transport);
