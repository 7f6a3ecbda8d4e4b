import { EVENTS, WEB_BRIDGE, type Channel, type Envelope, type EventName, type IpcEvents, type RosterTransport } from '../../../shared/ipc';
import { parseSse } from './sse';

export interface WebTransportOptions {
  secret: string;
  /** Origin of the browser host; the page's own by default. */
  base?: string;
  fetch?: typeof fetch;
  reconnectMs?: number;
}

type Listener = (payload: unknown) => void;

const isEnvelope = (x: unknown): x is Envelope<unknown> =>
  typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean';

/**
 * The browser host's side of the bridge: one POST per call, one server-sent-event stream for
 * events (read with fetch, because EventSource cannot send the secret header). A host that
 * cannot be reached makes fetch reject with a TypeError, which the app reads as offline.
 */
export const webTransport = (o: WebTransportOptions): RosterTransport & { close(): void } => {
  const doFetch = o.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = o.base ?? '';
  const headers = { [WEB_BRIDGE.secretHeader]: o.secret };
  const listeners = new Map<EventName, Set<Listener>>();
  let stream: AbortController | null = null;

  const call = async (channel: Channel, input: unknown): Promise<Envelope<unknown>> => {
    const res = await doFetch(`${base}${WEB_BRIDGE.callPath}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel, input }),
      cache: 'no-store',
      credentials: 'omit',
    });
    const body: unknown = await res.json().catch(() => null);
    return isEnvelope(body) ? body : { ok: false, error: { code: 'internal', message: `the browser host answered HTTP ${res.status}` } };
  };

  const deliver = (event: string, data: string) => {
    if (!(EVENTS as string[]).includes(event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const l of listeners.get(event as EventName) ?? []) l(payload);
  };

  const connect = async (ctl: AbortController) => {
    try {
      const res = await doFetch(`${base}${WEB_BRIDGE.eventsPath}`, { headers, cache: 'no-store', credentials: 'omit', signal: ctl.signal });
      // A refused secret stays refused (the host was restarted with a new one): stop asking.
      if (res.status === 403) return;
      if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSse(buffer + value);
        buffer = parsed.rest;
        for (const m of parsed.messages) deliver(m.event, m.data);
      }
    } catch {
      // The host went away or refused us; try again below while anyone listens.
    }
    if (stream === ctl && !ctl.signal.aborted) setTimeout(() => stream === ctl && void connect(ctl), o.reconnectMs ?? 2000);
  };

  const on = <E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener as Listener);
    if (!stream) {
      stream = new AbortController();
      void connect(stream);
    }
    return () => {
      set.delete(listener as Listener);
      if ([...listeners.values()].every((s) => s.size === 0)) close();
    };
  };

  const close = () => {
    stream?.abort();
    stream = null;
  };

  return { call, on, close };
};
