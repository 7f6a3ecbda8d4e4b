import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, memorySecretStore, memorySettingsStore, silentLog, type Services } from '../../../electron/main/services';
import { remoteTarget } from '../../../electron/main/services/connection';
import { startPlatform, type RunningPlatform } from '../../../platform';
import { cleartextRefusal } from '../../../shared/api';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-conn-'));
let remote: RunningPlatform;
let services: Services;
const secrets = memorySecretStore();
beforeAll(async () => {
  remote = await startPlatform({ dataDir: path.join(dir, 'remote'), port: 0, seed: 'example', quiet: true, rate: 0 });
  services = createServices({
    dataDir: path.join(dir, 'host'), secrets, settings: memorySettingsStore(), log: silentLog, probeIntervalMs: 0,
    startEmbedded: (o) => startPlatform({ ...o, port: 0, seed: 'example', quiet: true, rate: 0 }),
  });
});
afterAll(async () => {
  await services?.close();
  await remote?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('connection.set verifies before it saves', () => {
  it('a good token is verified, saved and used', async () => {
    const info = await services.handlers['connection.set']({ mode: 'remote', url: remote.url, user: remote.user, token: remote.token });
    expect(info).toMatchObject({ mode: 'remote', online: true });
    expect(await secrets.get('remote.token')).toBe(remote.token);
  });

  it('a token the platform refuses (401) replaces nothing: the old token, connection and online state stay', async () => {
    const before = await services.handlers['connection.get'](undefined);
    await expect(services.handlers['connection.set']({ mode: 'remote', url: remote.url, user: remote.user, token: 'not-the-token-123' }))
      .rejects.toMatchObject({ code: 'auth', message: expect.stringMatching(/refused .* the previous connection is kept/) });
    expect(await secrets.get('remote.token')).toBe(remote.token);
    expect(await services.handlers['connection.get'](undefined)).toEqual(before);
    // And it still works with the good token.
    expect((await services.handlers['platform.pull']({ objectType: 'AccountGroup' })).records.length).toBe(3);
  });

  it('an unreachable URL replaces nothing either', async () => {
    const before = await services.handlers['connection.get'](undefined);
    await expect(services.handlers['connection.set']({ mode: 'remote', url: 'http://127.0.0.1:1/api/rest/v1/x', user: 'u', token: 'whatever-token' }))
      .rejects.toMatchObject({ code: 'offline' });
    expect(await services.handlers['connection.get'](undefined)).toEqual(before);
  });
});

describe('plain http:// to another machine is refused (the token would travel in clear)', () => {
  it.each(['http://api.example.com/api/rest/v1/a', 'http://10.0.0.5:8080/api/rest/v1/a'])('%s', (url) => {
    expect(cleartextRefusal(url)).toMatch(/plain http:\/\/ .* in clear; use https:\/\//);
    expect(() => remoteTarget(url)).toThrow(/in clear/);
  });
  it.each(['https://api.boomi.com/api/rest/v1/a', 'http://127.0.0.1:9/api/rest/v1/a', 'http://localhost:9/api/rest/v1/a', 'http://[::1]:9/api/rest/v1/a'])('%s is fine', (url) => {
    expect(cleartextRefusal(url)).toBeNull();
  });
});

describe('a saved remote without its token', () => {
  it('is offline with the reason, and the log names no platform it is not connected to', async () => {
    const lines: string[] = [];
    const s = createServices({
      dataDir: path.join(dir, 'no-token'), secrets: memorySecretStore(), log: { info: (m) => lines.push(m), warn: (m) => lines.push(m) }, probeIntervalMs: 0,
      settings: memorySettingsStore({ mode: 'remote', url: 'https://api.example.com/api/rest/v1/acc', user: 'u' }),
      startEmbedded: () => Promise.reject(new Error('the embedded platform must not start')),
    });
    try {
      expect(await s.handlers['connection.get'](undefined)).toMatchObject({ online: false, lastError: expect.stringMatching(/no token is saved/) });
      expect(lines).toContainEqual(expect.stringMatching(/^platform offline: no token is saved/));
      expect(lines.join('\n')).not.toMatch(/embedded/);
    } finally {
      await s.close();
    }
  });
});
