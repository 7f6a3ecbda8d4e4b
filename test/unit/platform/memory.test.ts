import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DESKTOP_SETTINGS, openDatabase } from '../../../platform/db/open';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database memory', { timeout: 120_000 }, () => {
  it('runs with desktop-sized memory settings, on a new and on a reopened data dir', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'roster-pg-memory-'));
    for (const round of ['new', 'reopened']) {
      const { db, created } = await openDatabase(dir);
      try {
        expect(created, round).toBe(true); // not seeded yet, so "created" both times
        for (const [name, value] of Object.entries(DESKTOP_SETTINGS)) {
          const r = await db.query<{ v: string }>(`select current_setting($1) as v`, [name]);
          expect(r.rows[0]!.v, `${round}: ${name}`).toBe(value);
        }
      } finally {
        await db.close();
      }
    }
  });
});
