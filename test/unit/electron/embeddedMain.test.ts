import { describe, expect, it, vi } from 'vitest';
import type { PlatformThreadOptions } from '../../../electron/main/embeddedThread';

/**
 * Electron main opens the embedded platform the way the browser host does: in a worker thread
 * running embeddedWorker.ts (one module for both), built beside main's entry. The thread itself
 * is tested under Node in embeddedThread.test.ts (source) and test/e2e/embedded-worker.spec.ts
 * (main's build); the Electron binary is missing here, so electron.spec.ts skips.
 */
const h = vi.hoisted(() => ({ threads: [] as PlatformThreadOptions[] }));
vi.mock('../../../electron/main/embeddedThread', () => ({
  embeddedInThread: (o: PlatformThreadOptions) => {
    h.threads.push(o);
    return () => Promise.reject(new Error('not started in this test'));
  },
}));

describe("Electron main's embedded platform", () => {
  it('runs in a thread from embedded-worker.js beside main’s entry, seeded with the demo seed', async () => {
    const { EMBEDDED_WORKER_FILE } = await import('../../../electron/main/embedded');
    expect(h.threads).toHaveLength(1);
    const [o] = h.threads;
    expect(o!.file.href).toMatch(new RegExp(`/electron/main/${EMBEDDED_WORKER_FILE}$`));
    expect(o!.tsx).toBeUndefined();
    expect(o!.seed).toBe('demo');
  });

  it('main’s build writes embeddedWorker.ts to that file', async () => {
    const { EMBEDDED_WORKER_FILE } = await import('../../../electron/main/embedded');
    const config = (await import('../../../electron.vite.config')).default as { main: { build: { rollupOptions: { input: Record<string, string> } } } };
    const input = config.main.build.rollupOptions.input;
    expect(input[EMBEDDED_WORKER_FILE.replace(/\.js$/, '')]).toMatch(/electron[/\\]main[/\\]embeddedWorker\.ts$/);
    expect(input.index).toMatch(/electron[/\\]main[/\\]index\.ts$/);
  });
});
