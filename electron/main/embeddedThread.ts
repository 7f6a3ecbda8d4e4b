import { Worker } from 'node:worker_threads';
import type { PlatformOptions } from '../../platform';
import type { SeedTier } from './embeddedSeed';
import type { EmbeddedPlatform, StartEmbedded } from './services';

/** What the platform's thread tells the host (embeddedWorker.ts). */
export type FromPlatformThread =
  | { type: 'ready'; url: string; accountId: string; user: string; token: string; port: number }
  | { type: 'failed'; message: string }
  | { type: 'closed'; error?: string };

export interface PlatformThreadOptions {
  /** The worker's file: embeddedWorker.ts, or its bundle. */
  file: URL;
  /**
   * `file` is TypeScript: the thread loads it through tsx's API, given as an importable URL
   * (Node 20 does not apply `--import tsx` to a worker's own module).
   */
  tsx?: string;
  seed: SeedTier;
}

/**
 * The embedded platform in a worker thread. In one thread, opening PGlite (seconds of CPU on a
 * busy machine) blocked everything the host serves meanwhile: the page's scripts, its first
 * calls. Here it opens on another core while the host serves the page from the renderer's cache.
 * Same contract as the in-process start: the same options, the same error messages, close()
 * releases the data dir before it resolves.
 */
export const embeddedInThread =
  (o: PlatformThreadOptions): StartEmbedded =>
  ({ dataDir, adminUser, adminToken }) =>
    new Promise<EmbeddedPlatform>((resolve, reject) => {
      const options: PlatformOptions = { dataDir, port: 0, seed: o.seed, adminUser, adminToken, quiet: true };
      const worker = o.tsx
        ? new Worker(`import(${JSON.stringify(o.tsx)}).then((t) => t.tsImport(${JSON.stringify(o.file.href)}, ${JSON.stringify(o.file.href)}))`, { eval: true, workerData: options })
        : new Worker(o.file, { workerData: options });
      let exited = false;
      const gone = new Promise<void>((done) =>
        worker.once('exit', (code) => {
          exited = true;
          reject(new Error(`the embedded platform stopped while starting (exit code ${code})`));
          done();
        }),
      );
      // An error before 'ready' fails the start (the exit that follows rejects nothing more).
      worker.once('error', (e) => reject(e));
      let closing: Promise<void> | undefined;
      const close = (): Promise<void> =>
        (closing ??= exited
          ? Promise.resolve()
          : new Promise<void>((done, fail) => {
              worker.on('message', (m: FromPlatformThread) => {
                if (m.type !== 'closed') return;
                void worker.terminate().finally(() => (m.error ? fail(new Error(m.error)) : done()));
              });
              void gone.then(() => done());
              worker.postMessage('close');
            }));
      worker.on('message', (m: FromPlatformThread) => {
        if (m.type === 'failed') reject(new Error(m.message));
        else if (m.type === 'ready') resolve({ url: m.url, accountId: m.accountId, user: m.user, token: m.token, port: m.port, close });
      });
    });
