import { validateCall, type Channel, type Envelope, type Handlers } from '../../../shared/ipc';
import { toIpcError } from './errors';
import type { Log } from './types';

/**
 * The one entry of every transport (Electron IPC, the browser host's loopback): the call is
 * validated against the contract before any handler sees it, and every outcome is an Envelope.
 */
export const dispatch = async (handlers: Handlers, channel: unknown, input: unknown, log: Log): Promise<Envelope<unknown>> => {
  const v = validateCall(channel, input);
  if (!v.ok) {
    log.warn(`refused call: ${v.error.message}`);
    return { ok: false, error: v.error };
  }
  try {
    const handler = handlers[v.channel] as (i: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(v.input) };
  } catch (e) {
    const { internal, ...error } = toIpcError(e);
    if (internal) log.warn(`${v.channel as Channel} failed: ${internal}`);
    return { ok: false, error };
  }
};
