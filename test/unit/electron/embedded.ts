import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createServices, memorySecretStore, memorySettingsStore, silentLog } from '../../../electron/main/services';
import { startPlatform } from '../../../platform';
import type { PushStatus } from '../../../shared/ipc';
import type { OutboxOp } from '../../../shared/sync/types';

/** Fresh data dirs for one test file, all removed after its tests (call at the top level). */
export const tempDirs = (prefix: string) => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const d = mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
};

/**
 * Main's services over the real reference platform (embedded, seed 002), with what they report
 * to the window: every `sync.op` and `sync.progress` event, in order.
 */
export const bootEmbedded = (dataDir: string, journalFile = path.join(dataDir, 'outbox-journal.json')) => {
  const ops: OutboxOp[] = [];
  const progress: PushStatus[] = [];
  const services = createServices({
    dataDir,
    secrets: memorySecretStore(),
    settings: memorySettingsStore(),
    startEmbedded: (o) => startPlatform({ ...o, port: 0, seed: 'example', quiet: true }),
    log: silentLog,
    probeIntervalMs: 0,
    journalFile,
  });
  services.subscribe((event, payload) => {
    if (event === 'sync.op') ops.push(payload as OutboxOp);
    if (event === 'sync.progress') progress.push(payload as PushStatus);
  });
  return { services, ops, progress };
};
