import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_URL, appFileFor, rendererUrlFor } from '../../../electron/main/appProtocol';
import { isTrustedSender } from '../../../electron/main/window';

const root = path.resolve(__dirname, '../../..');

// The installers cannot be built here (no Electron binary); the config they come from is checked instead.
describe('electron-builder config', () => {
  const config = JSON.parse(readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
    linux: { target: string[] }; win: { target: string[] }; mac: { target: string[] }; electronFuses: Record<string, boolean>;
  };

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    expect(config.asar).toBe(true);
  });

  it('sets the Electron fuses: no RunAsNode, no NODE_OPTIONS or --inspect, ASAR integrity and ASAR only, cookie encryption', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('the renderer is served from app://roster', () => {
  const dir = path.join(root, 'out', 'renderer');
  it('ELECTRON_RENDERER_URL is honoured only when not packaged', () => {
    expect(rendererUrlFor(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe('http://localhost:5173');
    expect(rendererUrlFor(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(APP_URL);
    expect(rendererUrlFor(false, {})).toBe(APP_URL);
  });

  it.each([
    ['app://roster/index.html', path.join(dir, 'index.html')],
    ['app://roster/', path.join(dir, 'index.html')],
    ['app://roster/assets/main.js', path.join(dir, 'assets', 'main.js')],
  ])('%s is a file of out/renderer', (url, file) => {
    expect(appFileFor(dir, url)).toBe(file);
  });

  it.each(['app://roster/..%2f..%2fpackage.json', 'app://roster/%2e%2e%2f%2e%2e%2fpackage.json', 'app://other/index.html', 'file:///etc/passwd', 'app://roster/a%00b'])(
    '%s is refused', (url) => {
      expect(appFileFor(dir, url)).toBeNull();
    });

  it.each(['app://roster/../../package.json', 'app://roster/%2e%2e/%2e%2e/package.json'])('%s never leaves out/renderer', (url) => {
    expect(appFileFor(dir, url)?.startsWith(dir + path.sep)).toBe(true);
  });

  it('only app://roster frames may call main (app:// URLs all have the origin "null")', () => {
    expect(isTrustedSender('app://roster/index.html#x', APP_URL)).toBe(true);
    expect(isTrustedSender('app://evil/index.html', APP_URL)).toBe(false);
    expect(isTrustedSender('other://roster/index.html', APP_URL)).toBe(false);
    expect(isTrustedSender('file:///tmp/index.html', APP_URL)).toBe(false);
  });
});
