import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockDataDir } from '../main/services/lock';
import { consoleLog } from '../main/services/types';
import { USAGE, parseWebArgs } from './args';
import type { HostServices } from './hostServices';
import { startWebHost } from './server';
import { startupMark } from './startupTrace';

/**
 * When nobody has asked for the page this long after the port opened, main's services load anyway
 * (the admin has yet to open the URL): ready before the page's first call.
 */
const SERVICES_AFTER_MS = 250;

/**
 * `npm run web`: the built renderer on 127.0.0.1 with main's services in this process. stdout
 * carries exactly one line, `ROSTER_WEB url=…`, once the page can be loaded; logs go to stderr.
 * The port opens first and the page is served from it before main's services are loaded
 * (hostServices.ts): on a second start the page paints from its own cache, and its first call
 * comes long after.
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
  let loading: Promise<HostServices> | undefined;
  const services = () => (loading ??= import('./hostServices').then((m) => m.startServices(args, log)));
  /** Loads the services unasked (page served, or a moment passed); a host without them cannot work. */
  const load = () =>
    void services().catch((e: unknown) => {
      console.error(`roster web: could not load main's services: ${e instanceof Error ? e.message : String(e)}`);
      unlock();
      process.exit(1);
    });
  const host = await startWebHost({
    port: args.port,
    rendererDir: args.rendererDir,
    calls: () => services().then((s) => s.calls),
    onPageServed: load,
    secret: randomBytes(24).toString('base64url'),
    log,
  }).catch((e: NodeJS.ErrnoException) => {
    unlock();
    throw e.code === 'EADDRINUSE' ? new Error(`port ${args.port} on 127.0.0.1 is in use; pass another with --port N (0 = any free port)`) : e;
  });
  process.stdout.write(`ROSTER_WEB url=${host.url}\n`);
  startupMark('listening');
  setTimeout(load, SERVICES_AFTER_MS);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([host.close(), loading?.then((s) => s.close())]).finally(() => {
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
