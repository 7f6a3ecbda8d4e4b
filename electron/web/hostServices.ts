import path from 'node:path';
import type { SeedTier } from '../main/embeddedSeed';
import { embeddedInThread } from '../main/embeddedThread';
import { connectUnasked, createServices, dispatch, fileSecretStore, fileSettingsStore, memorySettingsStore, type Log, type Services, type StartEmbedded } from '../main/services';
import type { WebArgs } from './args';
import type { WebCalls } from './server';
import { startupFirst, startupMark, startupTraceOn } from './startupTrace';

/**
 * Main's services for the browser host: loaded by main.ts once the page is served (a bundle of
 * their own, out/web/host-services.mjs), since reading them (zod and every schema of the IPC
 * contract, the platform's client) took longer than everything else before the port was open.
 */

/** Set by the bundle (scripts/web-bundle.mjs): the platform thread's own bundle. */
declare const __rosterEmbeddedWorker: URL | undefined;

/**
 * The embedded platform runs in its own thread, so opening it never holds up the page. From the
 * bundle, the thread runs the worker's bundle; under tsx, the TypeScript through tsx.
 */
const embedded = (seed: SeedTier): StartEmbedded =>
  typeof __rosterEmbeddedWorker !== 'undefined'
    ? embeddedInThread({ file: __rosterEmbeddedWorker, seed })
    : embeddedInThread({ file: new URL('../main/embeddedWorker.ts', import.meta.url), tsx: import.meta.resolve('tsx/esm/api'), seed });

/** The embedded platform's start and ready, for the startup bench's breakdown. */
const traced =
  (start: StartEmbedded): StartEmbedded =>
  async (opts) => {
    startupMark('embeddedStart');
    const p = await start(opts);
    startupMark('embeddedReady');
    return p;
  };

/** Each channel's first call: when it arrived and when its answer was ready (startup bench). */
const tracedCalls = (services: Services): Services => {
  const handlers = Object.fromEntries(
    Object.entries(services.handlers).map(([channel, h]) => [
      channel,
      async (input: unknown) => {
        startupFirst(`call:${channel}`);
        const out = await (h as (i: unknown) => Promise<unknown>)(input);
        startupFirst(`answer:${channel}`);
        return out;
      },
    ]),
  ) as unknown as Services['handlers'];
  return { ...services, handlers };
};

export interface HostServices {
  calls: WebCalls;
  close(): Promise<void>;
}

export const startServices = (args: WebArgs, log: Log): HostServices => {
  startupMark('servicesLoaded');
  const services = createServices({
    dataDir: args.dataDir,
    // The browser host has no OS keychain: tokens sit in a 0600 file in the data dir.
    secrets: fileSecretStore(path.join(args.dataDir, 'secrets.json')),
    // A platform named on the command line is for this run only and is not saved.
    settings: args.remote ? memorySettingsStore() : fileSettingsStore(path.join(args.dataDir, 'connection.json')),
    startEmbedded: startupTraceOn ? traced(embedded(args.seed)) : embedded(args.seed),
    journalFile: path.join(args.dataDir, 'outbox-journal.json'),
    log,
    ...(args.remote ? { override: args.remote } : {}),
    timeoutMs: 15_000,
    connectAfter: connectUnasked(),
  });
  const served = startupTraceOn ? tracedCalls(services) : services;
  return {
    calls: { call: (channel, input) => dispatch(served.handlers, channel, input, log), subscribe: served.subscribe },
    close: () => services.close(),
  };
};
