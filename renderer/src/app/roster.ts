import type { RosterBridge } from '../../../shared/ipc';

/**
 * The bridge to main (Electron preload or the browser host); the only way out of the page.
 * Until renderer/src/bridge (getRoster) lands, the preload's window.roster is used directly.
 */
export const roster = (): RosterBridge => {
  const bridge = (window as unknown as { roster?: RosterBridge }).roster;
  if (!bridge) throw new Error('window.roster is missing: the page was opened outside Roster');
  return bridge;
};
