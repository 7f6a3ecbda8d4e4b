import { z } from 'zod';
import { ObjectTypeSchema, QueryConfig } from './model';
import type { QuarantinedRecord } from './api/client';
import { OpRef, OutboxOp, type Progress } from './sync/types';
import type { CapabilityName } from './sync/capabilities';

/**
 * The one typed contract between the renderer and main (DESIGN.md). Each channel names the zod
 * schema its input must pass (main validates every call; the renderer is never trusted) and the
 * type of its result. Electron carries it over ipcMain/ipcRenderer, the browser host over
 * loopback HTTP; both use the same handler map.
 */

export const RemoteConnection = z.object({
  mode: z.literal('remote'),
  url: z
    .string()
    .url('must be a URL such as https://api.boomi.com/api/rest/v1/<accountId>')
    .max(2048)
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://'),
  user: z.string().min(1).max(255),
  token: z.string().min(1).max(4096),
}).strict();
// Strict like every other input: an unknown key is refused by name, never dropped silently.
export const ConnectionRequest = z.discriminatedUnion('mode', [z.object({ mode: z.literal('embedded') }).strict(), RemoteConnection]);
export type ConnectionRequest = z.infer<typeof ConnectionRequest>;

/** What the renderer may know of the connection: never the token (credentials stay in main). */
export interface ConnectionInfo {
  mode: 'embedded' | 'remote';
  url: string;
  accountId: string;
  user: string;
  online: boolean;
  lastError?: string;
  /**
   * The extensions this platform lacks (shared/sync/capabilities.ts), learnt once per connection
   * by read-only probes; absent until probed. The vendor's API lacks them all.
   */
  missingCapabilities?: CapabilityName[];
}

// The api client makes these when it validates a page; the contract carries them as they are.
export type { QuarantinedRecord } from './api/client';

export interface PullResult {
  objectType: z.infer<typeof ObjectTypeSchema>;
  records: unknown[];
  quarantined: QuarantinedRecord[];
  /** A complete scan: records absent from it were deleted on the platform. */
  complete: boolean;
  /** Content hash of a complete scan (records and quarantined), computed by main. */
  hash?: string;
  /** The scan hashed to the caller's knownHash: records and quarantined are left out (sent empty). */
  unchanged?: boolean;
}

/** The most ops one sync.push call may carry; the renderer sends larger queues in batches of this. */
export const SYNC_PUSH_MAX = 10_000;

export interface PushStatus extends Progress {
  /** Ops main is still working on. */
  running: number;
  /** Why sending waits on main's journal (it cannot be written), while it does. */
  journalError?: string;
}

export const ipcContract = {
  'connection.get': { input: z.undefined() },
  'connection.set': { input: ConnectionRequest },
  'platform.pull': {
    input: z.object({ objectType: ObjectTypeSchema, filter: QueryConfig.optional(), knownHash: z.string().max(200).optional() }).strict(),
  },
  /** Queue outbox ops (in order) on main's push engine; answers at once, results come as sync.op events. */
  'sync.push': {
    input: z.object({
      ops: z.array(OutboxOp).min(1).max(SYNC_PUSH_MAX),
      /** Finished rounds of ops the renderer's cache has recorded: main's journal may forget them now. */
      recorded: z.array(OpRef).max(SYNC_PUSH_MAX).optional(),
    }).strict(),
  },
  'sync.control': { input: z.object({ action: z.enum(['pause', 'resume', 'cancel']) }).strict() },
  'sync.status': { input: z.undefined() },
  /** Take back queued ops not yet sent (the admin's Withdraw); answers which were and which are already being sent. */
  'sync.withdraw': { input: z.object({ ops: z.array(OpRef).min(1).max(SYNC_PUSH_MAX) }).strict() },
} as const;

export interface IpcResults {
  'connection.get': ConnectionInfo;
  'connection.set': ConnectionInfo;
  'platform.pull': PullResult;
  'sync.push': PushStatus;
  'sync.control': PushStatus;
  'sync.status': PushStatus;
  'sync.withdraw': { withdrawn: string[]; sending: string[] };
}

export type Channel = keyof typeof ipcContract;
export type InputOf<C extends Channel> = z.infer<(typeof ipcContract)[C]['input']>;
export type OutputOf<C extends Channel> = IpcResults[C];

/** Events main pushes to the renderer. */
export interface IpcEvents {
  'connection.changed': ConnectionInfo;
  /** After each page of a platform.pull: a large scan at the rate limit takes minutes. */
  'pull.progress': PullProgress;
  /** Every status change of a pushed op (inflight, then applied/unchanged/failed/conflict). */
  'sync.op': OutboxOp;
  'sync.progress': PushStatus;
}

export interface PullProgress {
  objectType: z.infer<typeof ObjectTypeSchema>;
  /** Records received so far in this scan (valid and quarantined). */
  received: number;
  /** What the platform says the scan holds. */
  total: number;
  pages: number;
}
export type EventName = keyof IpcEvents;
export const EVENTS: EventName[] = ['connection.changed', 'pull.progress', 'sync.op', 'sync.progress'];

/** Every reply is an envelope, so errors keep their code and message across the bridge. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };
export type IpcErrorCode = 'bad-input' | 'unknown-channel' | 'forbidden' | 'offline' | 'platform' | 'auth' | 'internal';

export class RosterError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RosterError';
  }
}

/** What window.roster is, in Electron (preload) and in the browser host (web bridge) alike. */
export interface RosterBridge {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
}

export type Handlers = { [C in Channel]: (input: InputOf<C>) => Promise<OutputOf<C>> };

/** Validates an untrusted call against the contract; used by every transport in main. */
export const validateCall = (
  channel: unknown,
  input: unknown,
): { ok: true; channel: Channel; input: unknown } | { ok: false; error: { code: IpcErrorCode; message: string } } => {
  // Own keys only: `in` would let "__proto__" or "toString" through as channels.
  if (typeof channel !== 'string' || !Object.hasOwn(ipcContract, channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `unknown channel ${JSON.stringify(channel)}` } };
  }
  const c = channel as Channel;
  const r = ipcContract[c].input.safeParse(input);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'bad-input', message: `${c}: ${msg}` } };
  }
  return { ok: true, channel: c, input: r.data };
};

/**
 * The raw form of a bridge: calls answer with the Envelope itself. Electron's preload exposes it
 * (contextBridge would strip an error's `code`), and the browser host's loopback speaks it;
 * bridgeOverTransport turns either into a RosterBridge whose failures are RosterErrors.
 */
export interface RosterTransport {
  call(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  on: RosterBridge['on'];
}

export const unwrapEnvelope = <T>(e: Envelope<T>): T => {
  if (e.ok) return e.value;
  throw new RosterError(e.error.code, e.error.message);
};

export const bridgeOverTransport = (t: RosterTransport): RosterBridge => ({
  invoke: async <C extends Channel>(channel: C, input: InputOf<C>) => unwrapEnvelope(await t.call(channel, input)) as OutputOf<C>,
  on: (event, listener) => t.on(event, listener),
});

export { WEB_BRIDGE } from './webBridge';
