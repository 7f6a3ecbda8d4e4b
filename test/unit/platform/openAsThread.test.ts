import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Electron may report a thread's `process.type` as "worker"; PGlite then takes itself for a browser
 * and fetch()es its wasm by file: URL, which fails. The platform hands PGlite its files, so the
 * database opens whatever the host calls itself. PGlite reads process.type when it is first loaded,
 * so the test sets it before importing the platform.
 */
describe('opening the platform database', () => {
  const saved = Object.getOwnPropertyDescriptor(process, 'type');
  const dirs: string[] = [];
  afterEach(() => {
    if (saved) Object.defineProperty(process, 'type', saved);
    else delete (process as { type?: string }).type;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('opens and answers a query when process.type says "worker"', async () => {
    Object.defineProperty(process, 'type', { value: 'worker', configurable: true, writable: true });
    const { openDatabase } = await import('../../../platform/db/open');
    const dir = mkdtempSync(path.join(tmpdir(), 'roster-open-thread-'));
    dirs.push(dir);
    const { db, created } = await openDatabase(path.join(dir, 'db'));
    try {
      expect(created).toBe(true);
      const r = await db.query<{ n: number }>('select 1 + 1 as n');
      expect(r.rows[0]?.n).toBe(2);
    } finally {
      await db.close();
    }
  }, 120_000);
});
