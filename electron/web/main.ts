import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedTier } from '../main/embeddedSeed';
import { embeddedInThread } from '../main/embeddedThread';
import { consoleLog, createServices, type Services, type StartEmbedded, fileSecretStore, fileSettingsStore, lockDataDir, memorySettingsStore } from '../main/services';
import { USAGE, parseWebArgs } from './args';
import { startWebHost } from './server';
import { startupFirst, startupMark, startupTraceOn } from './startupTrace';

/** Set by the web host's bundle (scripts/web-bundle.mjs): the platform thread's own bundle. */
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

/**
 * `npm run web`: the built renderer on 127.0.0.1 with main's services in this process. stdout
 * carries exactly one line, `ROSTER_WEB url=…`, once the page can be loaded; logs go to stderr.
 */
const main = async () => {
  startupMark('hostMain');
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const args = parseWebArgs(process.argv.slice(2), process.env, root);
  if (!existsSync(path.join(args.rendererDir, 'index.html'))) throw new Error(`no built renderer in ${args.rendererDir}; run npm run build`);
  const log = consoleLog;
  const unlock = lockDataDir(args.dataDir);
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
  });
  const host = await startWebHost({ port: args.port, rendererDir: args.rendererDir, services: startupTraceOn ? tracedCalls(services) : services, secret: randomBytes(24).toString('base64url'), log }).catch(
    async (e: NodeJS.ErrnoException) => {
      await services.close();
      unlock();
      throw e.code === 'EADDRINUSE' ? new Error(`port ${args.port} on 127.0.0.1 is in use; pass another with --port N (0 = any free port)`) : e;
    },
  );
  process.stdout.write(`ROSTER_WEB url=${host.url}\n`);
  startupMark('listening');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([host.close(), services.close()]).finally(() => {
      unlock();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((e: unknown) => {
  console.error(`roster web: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
