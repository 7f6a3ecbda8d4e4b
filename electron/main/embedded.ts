import { DEFAULT_EMBEDDED_SEED } from './embeddedSeed';
import { embeddedInThread } from './embeddedThread';
import type { StartEmbedded } from './services';

/**
 * Electron main's embedded platform, in its own thread as in the browser host: the same worker
 * module (embeddedWorker.ts), which the main build writes beside main's entry as
 * embedded-worker.js (electron.vite.config.ts). PGlite's reopen then never blocks main's thread,
 * which meanwhile serves the window its page and answers its first calls.
 */
export const EMBEDDED_WORKER_FILE = 'embedded-worker.js';

export const startEmbedded: StartEmbedded = embeddedInThread({ file: new URL(`./${EMBEDDED_WORKER_FILE}`, import.meta.url), seed: DEFAULT_EMBEDDED_SEED });
