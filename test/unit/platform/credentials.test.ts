import { describe, expect, it } from 'vitest';
import { setPassword, verifyCredential } from '../../../platform/credentials';
import type { Q } from '../../../platform/db/records';

/** The credentials table in memory: enough for one user's password. */
const memoryCredentials = (): Q => {
  let stored: string | undefined;
  return {
    query: async <T>(sql: string, params: unknown[] = []) => {
      if (sql.startsWith('insert')) stored = String(params[1]);
      if (sql.startsWith('delete')) stored = undefined;
      const rows = sql.startsWith('select') && stored ? [{ secret_hash: stored }] : [];
      return { rows: rows as T[] };
    },
  };
};

describe('password checks', () => {
  it('hash off the event loop: other work runs while a password is checked (a flood of wrong passwords cannot stall valid requests)', async () => {
    const q = memoryCredentials();
    await setPassword(q, 'ops@roster.local', 'correct horse battery');
    let turns = 0;
    let spinning = true;
    const spin = () => {
      turns++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    // A secret never checked before, so no remembered verdict answers it.
    const ok = await verifyCredential(q, 'ops@roster.local', 'password', `wrong ${Math.random()}`);
    spinning = false;
    expect(ok).toBe(false);
    // scryptSync would hold the loop for the whole hash: not one turn could run before the answer.
    expect(turns).toBeGreaterThan(0);
  });

  it('the right password passes, a wrong one fails', async () => {
    const q = memoryCredentials();
    await setPassword(q, 'ops@roster.local', 'correct horse battery');
    expect(await verifyCredential(q, 'ops@roster.local', 'password', 'correct horse battery')).toBe(true);
    expect(await verifyCredential(q, 'ops@roster.local', 'password', 'correct horse batterx')).toBe(false);
  });
});
