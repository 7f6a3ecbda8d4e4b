import { describe, expect, it } from 'vitest';
import { CSP } from '../../../electron/main/csp';
import { isTrustedSender, permissionDecision, windowOptions } from '../../../electron/main/window';

describe('window security baseline', () => {
  const web = windowOptions('/app/out/preload/index.cjs').webPreferences!;

  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    expect(web).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(web.preload).toBe('/app/out/preload/index.cjs');
  });

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(permissionDecision(p)).toBe(false);
  });

  it('the CSP allows no inline, eval or remote script and no framing', () => {
    const directives = Object.fromEntries(CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CSP).not.toContain('unsafe-eval');
  });

  it('trusts only the built renderer page, whatever its hash route', () => {
    const ours = 'file:///app/out/renderer/index.html';
    expect(isTrustedSender('file:///app/out/renderer/index.html#/groups', ours)).toBe(true);
    expect(isTrustedSender('file:///app/out/renderer/other.html', ours)).toBe(false);
    expect(isTrustedSender('file:///app/out/renderer/../../evil/index.html', ours)).toBe(false);
  });
});
