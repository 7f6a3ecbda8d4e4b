import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../electron/main/services';
import { startPlatform } from '../../../platform';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const base = mkdtempSync(path.join(tmpdir(), 'roster-lock-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/**
 * N processes race for one data dir: each waits for a "go" file, takes the lock, reports, and
 * holds it until its stdin closes. Exactly one may win.
 */
const race = async (dir: string, n: number): Promise<string[]> => {
  const go = path.join(base, `go-${path.basename(dir)}`);
  const script = `
    import { existsSync } from 'node:fs';
    import { lockDataDir } from './electron/main/services/lock.ts';
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    process.stdout.write('ready\\n');
    while (!existsSync(${JSON.stringify(go)})) await sleep(2);
    try { lockDataDir(${JSON.stringify(dir)}); process.stdout.write('won\\n'); }
    catch (e) { process.stdout.write('lost ' + e.message + '\\n'); }
    process.stdin.resume();
    process.stdin.on('end', () => process.exit(0));`;
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] }));
  const lines = children.map((c) => {
    let out = '';
    const ready = new Promise<void>((resolve) => c.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready\n')) resolve();
    }));
    const verdict = new Promise<string>((resolve) => c.stdout.on('data', () => {
      const last = out.split('\n').find((l) => l.startsWith('won') || l.startsWith('lost'));
      if (last) resolve(last);
    }));
    return { ready, verdict };
  });
  await Promise.all(lines.map((l) => l.ready));
  writeFileSync(go, '');
  const verdicts = await Promise.all(lines.map((l) => l.verdict));
  await Promise.all(children.map((c) => new Promise((resolve) => { c.once('exit', resolve); c.stdin.end(); })));
  return verdicts;
};

describe('data dir lock', { timeout: 120_000 }, () => {
  it('six hosts started at once on one data dir: exactly one wins, the others name the holder', async () => {
    const verdicts = await race(path.join(base, 'fresh'), 6);
    expect(verdicts.filter((v) => v === 'won')).toHaveLength(1);
    expect(verdicts.filter((v) => /^lost another Roster \(pid \d+\) is using/.test(v))).toHaveLength(5);
  });

  it('six hosts racing for a dir whose holder died: exactly one takes it over', async () => {
    const dir = path.join(base, 'stale');
    const unlock = lockDataDir(dir);
    unlock();
    writeFileSync(path.join(dir, 'roster.pid'), '999999999');
    const verdicts = await race(dir, 6);
    expect(verdicts.filter((v) => v === 'won')).toHaveLength(1);
  });

  it('an empty lock file (left by an older Roster) is taken over, a live holder is refused, release frees it', () => {
    const dir = path.join(base, 'empty');
    const unlock = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'roster.pid'), 'utf8')).toBe(String(process.pid));
    // The same process asking again is refused too: two services on one journal are as bad.
    expect(() => lockDataDir(dir)).toThrow(/another Roster \(pid \d+\) is using/);
    unlock();
    writeFileSync(path.join(dir, 'roster.pid'), '');
    const again = lockDataDir(dir);
    again();
  });

  it('a platform refuses a data dir another platform holds, and takes it once that one closed', async () => {
    const dir = path.join(base, 'platform');
    const first = await startPlatform({ dataDir: dir, port: 0, quiet: true });
    try {
      await expect(startPlatform({ dataDir: dir, port: 0, quiet: true })).rejects.toThrow(/another platform \(pid \d+\) is using/);
    } finally {
      await first.close();
    }
    const second = await startPlatform({ dataDir: dir, port: 0, quiet: true });
    await second.close();
  });
});
