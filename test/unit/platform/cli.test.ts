import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from '../../../shared/seeds/example';
import { startPlatform } from '../../../platform';
import { SEED_TIERS } from '../../../platform/seedTiers';
import { platformPost } from '../../support/platformHttp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'roster-platform-cli-'));
const cli = (args: string[]) => [process.execPath, ['--import', 'tsx', 'platform/main.ts', ...args]] as const;
const runCli = (args: string[]) => {
  const [cmd, argv] = cli(args);
  return spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', timeout: 60_000 });
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINE = /^ROSTER_PLATFORM url=(http:\/\/127\.0\.0\.1:(\d+)\/api\/rest\/v1\/(\S+)) account=(\S+) user=(\S+) token=(\S+)$/;

const waitForLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`platform exited ${code}: ${err}`)));
  });

// Each case spawns Node + tsx + PGlite; on a busy machine that alone can take seconds.
describe('npm run platform', { timeout: 120_000 }, () => {
  it('seeds, prints exactly one ROSTER_PLATFORM line, serves, guards its data dir and stops on SIGTERM', async () => {
    const [cmd, argv] = cli(['--data', dir, '--port', '0', '--seed', 'example', '--admin-user', 'ops@roster.local', '--admin-token', 'cli-token-123']);
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = await waitForLine(child);
      expect(out.split('\n').filter(Boolean)).toHaveLength(1);
      const m = LINE.exec(out.trim());
      expect(m, out).not.toBeNull();
      const [, url, , urlAccount, account, user, token] = m!;
      expect([urlAccount, account, user, token]).toEqual([EXAMPLE.primary.accountId, EXAMPLE.primary.accountId, 'ops@roster.local', 'cli-token-123']);
      const r = await platformPost({ url: url!, user: user!, token: token! }, 'AccountGroup/query', '{}');
      expect(r.status).toBe(200);
      const busy = runCli(['token', 'create', '--data', dir, '--user', 'ops@roster.local']);
      expect(busy.status).toBe(2);
      expect(busy.stderr).toMatch(/admin endpoint/);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(existsSync(path.join(dir, 'platform.lock'))).toBe(false);
  });

  it('token create / revoke work on a stopped platform', async () => {
    const created = runCli(['token', 'create', '--data', dir, '--user', 'ops@roster.local']);
    expect(created.status, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token.length).toBeGreaterThanOrEqual(20);
    const revoked = runCli(['token', 'revoke', '--data', dir, '--user', 'ops@roster.local', '--token', 'cli-token-123']);
    expect(revoked.stdout).toMatch(/revoked 1 token/);
    const p = await startPlatform({ dataDir: dir, port: 0, quiet: true, adminUser: 'ops@roster.local', adminToken: 'restart-token-1' });
    try {
      const ask = (t: string) => platformPost({ url: p.url, user: 'ops@roster.local', token: t }, 'Role/query', '{}');
      expect((await ask(token)).status).toBe(200);
      expect((await ask('cli-token-123')).status).toBe(401);
    } finally {
      await p.close();
    }
  });

  it('a write the platform answered survives SIGKILL', async () => {
    const [cmd, argv] = cli(['--data', dir, '--port=0', '--admin-user', 'ops@roster.local', '--admin-token=kill-token-123', '--rate', '0']);
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const m = LINE.exec((await waitForLine(child)).trim())!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const r = await platformPost({ url: m[1]!, user: 'ops@roster.local', token: 'kill-token-123' }, 'AccountGroup', JSON.stringify({ name: 'Written before the crash' }));
    expect(r.status).toBe(200);
    child.kill('SIGKILL');
    await exited;
    const p = await startPlatform({ dataDir: dir, port: 0, quiet: true, adminUser: 'ops@roster.local', adminToken: 'kill-token-123' });
    try {
      const q = await platformPost(
        { url: p.url, user: 'ops@roster.local', token: 'kill-token-123' },
        'AccountGroup/query',
        JSON.stringify({ QueryFilter: { expression: { operator: 'EQUALS', property: 'name', argument: ['Written before the crash'] } } }),
      );
      expect(((await q.json()) as { numberOfResults: number }).numberOfResults).toBe(1);
    } finally {
      await p.close();
    }
  });

  it('refuses bad arguments with a clear message', () => {
    const r = runCli(['--data', dir, '--seed', 'gigantic']);
    expect(r.status).toBe(2);
    // Every tier the platform knows, from its own list (a new tier is named without editing this test).
    expect(r.stderr.trim()).toBe(`platform: --seed must be one of ${SEED_TIERS.join(', ')}`);
    expect(SEED_TIERS).toEqual(expect.arrayContaining(['demo', 'example', 'example-bare', 'single', 'partner', 'large', 'huge']));
  });

  it('refuses an unknown flag, a flag without its value and a stray argument in one line, starting nothing', () => {
    const fresh = path.join(dir, 'never-created');
    for (const args of [
      ['--data', fresh, '--prot', '5170'],
      ['--data', fresh, '--port'],
      ['--data', fresh, 'extra'],
      ['token', 'create', '--data', fresh, '--user', 'a@x.com', '--bogus', '1'],
    ]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/^platform: /);
    }
    expect(existsSync(fresh)).toBe(false);
  });

  it('a negative --rate is refused in its own words in both forms (--rate -1, --rate=-1), starting nothing', () => {
    const fresh = path.join(dir, 'never-created-rate');
    for (const args of [['--rate', '-1'], ['--rate=-1']]) {
      const r = runCli(['--data', fresh, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('platform: --rate must be 0 (off) or at least 1 request per second\n');
    }
    // A value that starts with "--" is the next flag: this one has no value.
    expect(runCli(['--data', fresh, '--rate', '--port', '0']).stderr).toMatch(/^platform: --rate needs a value/);
    expect(existsSync(fresh)).toBe(false);
  });

  it('--help prints the usage and starts nothing', () => {
    const r = runCli(['--help', '--data', path.join(dir, 'help-only')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run platform -- /);
    expect(r.stdout).toContain('--profile roster|vendor');
    expect(existsSync(path.join(dir, 'help-only'))).toBe(false);
  });
});
