import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The window's security baseline (the renderer is never trusted): a pure builder, so it is tested without Electron.
 * The renderer is untrusted: isolated, sandboxed, no Node, web security on.
 */
export const windowOptions = (preloadPath: string): BrowserWindowConstructorOptions => ({
  width: 1440,
  height: 900,
  minWidth: 960,
  minHeight: 600,
  title: 'Roster',
  show: false,
  backgroundColor: '#121212',
  webPreferences: {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    safeDialogs: true,
    navigateOnDragDrop: false,
  },
});

/**
 * Is this frame our renderer? Only the built page (file: URL of out/renderer/index.html) or,
 * in development, the dev server's origin. Anything else (an injected frame, a navigated page)
 * is refused before its call is even validated.
 */
export const isTrustedSender = (frameUrl: string | undefined | null, rendererUrl: string): boolean => {
  if (!frameUrl) return false;
  let frame: URL;
  let ours: URL;
  try {
    frame = new URL(frameUrl);
    ours = new URL(rendererUrl);
  } catch {
    return false;
  }
  // app:// is not a special scheme: its URL origin is "null" for every page, so compare scheme and host.
  if (ours.protocol === 'app:') return frame.protocol === 'app:' && frame.host === ours.host;
  if (ours.protocol === 'file:') return frame.protocol === 'file:' && decodeURIComponent(frame.pathname) === decodeURIComponent(ours.pathname);
  return frame.origin === ours.origin;
};

/** Every permission (camera, notifications, geolocation…) is denied: Roster needs none. */
export const permissionDecision = (_permission: string): boolean => false;
