// The embedded platform's own thread (see embeddedThread.ts): PGlite's reopen and every request
// the platform answers run here, beside the host's thread, which meanwhile serves the page.
import { parentPort, workerData } from 'node:worker_threads';
import { startPlatform, type PlatformOptions } from '../../platform';
import type { FromPlatformThread } from './embeddedThread';

const port = parentPort;
if (!port) throw new Error('embeddedWorker.ts runs as a worker thread only');
const send = (m: FromPlatformThread) => port.postMessage(m);

try {
  const p = await startPlatform(workerData as PlatformOptions);
  port.on('message', (m: unknown) => {
    if (m !== 'close') return;
    void p.close().then(
      () => send({ type: 'closed' }),
      (e: unknown) => send({ type: 'closed', error: e instanceof Error ? e.message : String(e) }),
    );
  });
  send({ type: 'ready', url: p.url, accountId: p.accountId, user: p.user, token: p.token, port: p.port });
} catch (e) {
  send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}
