import { RosterError, WEB_BRIDGE, bridgeOverTransport, type RosterBridge, type RosterTransport } from '../../../shared/ipc';
import { webTransport } from './web';

/**
 * getRoster(): the one way out of the page. In Electron the preload's window.roster; in the
 * browser host a loopback bridge that proves itself with the launch secret from the URL fragment.
 */

type PreloadBridge = RosterBridge & Partial<RosterTransport>;
declare global {
  interface Window {
    roster?: PreloadBridge;
  }
}

const SESSION_KEY = 'roster.launchSecret';

/**
 * Takes the secret out of `#secret=…` (the app routes by hash, so the fragment is handed back to
 * it) and keeps it for this tab only, so a reload still works and the secret leaves the address bar.
 */
export const takeSecret = (loc: Pick<Location, 'hash' | 'pathname' | 'search'>, storage: Pick<Storage, 'getItem' | 'setItem'>, history: Pick<History, 'replaceState' | 'state'>): string | null => {
  const m = new RegExp(`^#${WEB_BRIDGE.fragmentKey}=([A-Za-z0-9_-]+)$`).exec(loc.hash);
  if (m?.[1]) {
    storage.setItem(SESSION_KEY, m[1]);
    history.replaceState(history.state, '', `${loc.pathname}${loc.search}`);
    return m[1];
  }
  return storage.getItem(SESSION_KEY);
};

const noSecret = (): RosterBridge => {
  const err = () =>
    new RosterError('forbidden', 'This page was opened without its launch secret: open the exact URL that `npm run web` printed (ROSTER_WEB url=…).');
  return { invoke: () => Promise.reject(err()), on: () => () => {} };
};

const hasWindow = typeof window !== 'undefined';
// Read at import, before the app's router rewrites the fragment.
const launchSecret = hasWindow && !window.roster ? takeSecret(window.location, window.sessionStorage, window.history) : null;
let cached: RosterBridge | null = null;

export const getRoster = (): RosterBridge => {
  if (cached) return cached;
  const preload = hasWindow ? window.roster : undefined;
  if (preload) cached = typeof preload.call === 'function' ? bridgeOverTransport(preload as RosterTransport) : preload;
  else cached = launchSecret ? bridgeOverTransport(webTransport({ secret: launchSecret })) : noSecret();
  return cached;
};
