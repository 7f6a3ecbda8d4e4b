import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSecretStore, fileSettingsStore, lockDataDir, type Cipher } from '../../../electron/main/services';
import { parseWebArgs } from '../../../electron/web/args';
import { JournalStore } from '../../../electron/main/services/journal';
import type { OutboxOp } from '../../../shared/sync/types';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'roster-unit-'));

describe('secret store', () => {
  it('keeps tokens in a 0600 file, sealed by the cipher', async () => {
    const file = path.join(dir(), 'secrets.json');
    const reversing: Cipher = { seal: (s) => `sealed:${[...s].reverse().join('')}`, open: (s) => [...s.slice(7)].reverse().join('') };
    const store = fileSecretStore(file, reversing);
    await store.set('remote.token', 'T0KEN');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain('T0KEN');
    expect(await fileSecretStore(file, reversing).get('remote.token')).toBe('T0KEN');
    await store.delete('remote.token');
    expect(await store.get('remote.token')).toBeNull();
  });

  it('a value the cipher cannot open counts as absent, not as a crash', async () => {
    const file = path.join(dir(), 'secrets.json');
    writeFileSync(file, JSON.stringify({ 'remote.token': 'garbage' }));
    const store = fileSecretStore(file, { seal: (s) => s, open: () => { throw new Error('wrong key'); } });
    expect(await store.get('remote.token')).toBeNull();
  });
});

describe('settings store', () => {
  it('round-trips the connection choice and ignores a corrupt file', async () => {
    const file = path.join(dir(), 'connection.json');
    await fileSettingsStore(file).save({ mode: 'remote', url: 'https://a.b/api/rest/v1/x', user: 'u' });
    expect(await fileSettingsStore(file).load()).toEqual({ mode: 'remote', url: 'https://a.b/api/rest/v1/x', user: 'u' });
    writeFileSync(file, '{not json');
    expect(await fileSettingsStore(file).load()).toBeNull();
  });
});

describe('browser host command line', () => {
  it('defaults to port 5170, .roster-data/web and out/renderer', () => {
    expect(parseWebArgs([], {}, '/repo')).toEqual({ port: 5170, dataDir: '/repo/.roster-data/web', rendererDir: '/repo/out/renderer', seed: 'demo' });
  });

  it('seeds a new embedded platform with demo unless --seed names another tier', () => {
    expect(parseWebArgs(['--seed', 'example'], {}, '/r').seed).toBe('example');
    expect(parseWebArgs(['--seed', 'single'], {}, '/r').seed).toBe('single');
    expect(() => parseWebArgs(['--seed', 'nope'], {}, '/r')).toThrow(/--seed must be one of demo, example/);
    expect(() => parseWebArgs(['--seed', 'example', '--platform', 'https://h/api/rest/v1/a', '--user', 'u', '--token', 't'], {}, '/r')).toThrow(/embedded platform only/);
  });

  it('takes a remote platform with user and token (or ROSTER_TOKEN)', () => {
    const a = parseWebArgs(['--port', '0', '--platform', 'https://h:1/api/rest/v1/acc', '--user', 'u'], { ROSTER_TOKEN: 'T' }, '/r');
    expect(a.remote).toEqual({ url: 'https://h:1/api/rest/v1/acc', user: 'u', token: 'T' });
    expect(parseWebArgs(['--platform', 'https://h:1', '--account', 'a b', '--user', 'u', '--token', 't'], {}, '/r').remote?.url).toBe('https://h:1/api/rest/v1/a%20b');
  });

  it('refuses --platform as plain http:// to another machine (the token would travel in clear); loopback http is fine', () => {
    const remote = (url: string) => parseWebArgs(['--platform', url, '--user', 'u', '--token', 't'], {}, '/r').remote?.url;
    expect(() => remote('http://api.example.com/api/rest/v1/a')).toThrow(/plain http:\/\/ .* in clear; use https:\/\//);
    expect(remote('http://127.0.0.1:9/api/rest/v1/a')).toBe('http://127.0.0.1:9/api/rest/v1/a');
  });

  it('refuses a --platform that is not an API URL before serving anything', () => {
    for (const url of ['not-a-url', 'https://h:1', 'ftp://h/api/rest/v1/a']) {
      expect(() => parseWebArgs(['--platform', url, '--user', 'u', '--token', 't'], {}, '/r')).toThrow(/^--platform must be the API URL, https:\/\/…\/api\/rest\/v1\/<accountId>/);
    }
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--platform', 'http://h/api/rest/v1/a']],
    [['--token', 't']],
    [['--bogus']],
  ])('refuses %j with a usage line', (argv) => {
    expect(() => parseWebArgs(argv, {}, '/r')).toThrow(/./);
  });
});

describe('data dir lock', () => {
  it('refuses a data dir another live Roster holds, takes over a stale one, and releases', () => {
    const d = dir();
    const pidFile = path.join(d, 'roster.pid');
    writeFileSync(pidFile, String(process.ppid));
    expect(() => lockDataDir(d)).toThrow(/another Roster \(pid \d+\) is using/);
    writeFileSync(pidFile, '999999999');
    const unlock = lockDataDir(d);
    expect(readFileSync(pidFile, 'utf8')).toBe(String(process.pid));
    unlock();
    expect(existsSync(pidFile)).toBe(false);
  });
});

describe('push journal', () => {
  const op = (id: string, status: OutboxOp['status']): OutboxOp => ({
    id, planId: 'p', seq: Number(id.slice(1)), round: 0, args: { op: 'group.rename', groupId: 'g', name: id },
    precondition: { expect: [] }, status, attempts: 0, createdAt: 1, updatedAt: Date.now(),
  });

  it('survives a restart with every status it was told, burst or not', async () => {
    const file = path.join(dir(), 'journal.json');
    const j = new JournalStore(file);
    await Promise.all(Array.from({ length: 50 }, (_, i) => j.put([op(`o${i}`, i % 2 ? 'inflight' : 'applied')])));
    const again = new JournalStore(file);
    expect((await again.all()).map((o) => o.id)).toEqual(Array.from({ length: 50 }, (_, i) => `o${i}`));
    expect((await again.unfinished()).length).toBe(25);
    await again.remove([{ id: 'o1', round: 0 }]);
    expect(await new JournalStore(file).get({ id: 'o1', round: 0 })).toBeUndefined();
  });

  it('reads a journal written before ops carried a round: `<id>~r<n>` is round n of the op, so a finished round is not sent again', async () => {
    const file = path.join(dir(), 'journal.json');
    const legacy = (id: string, status: OutboxOp['status']) => {
      const { round: _r, ...rest } = op(id, status);
      return { ...rest, id, kind: 'group.rename' };
    };
    writeFileSync(file, JSON.stringify([legacy('o1~r2', 'applied'), legacy('o2', 'inflight')]));
    const j = new JournalStore(file);
    expect(await j.get({ id: 'o1', round: 2 })).toMatchObject({ id: 'o1', round: 2, status: 'applied' });
    expect(await j.get({ id: 'o1', round: 0 })).toBeUndefined();
    expect(await j.get({ id: 'o2', round: 0 })).toMatchObject({ status: 'inflight' });
    expect((await j.all()).every((o) => !('kind' in o))).toBe(true);
  });
});
