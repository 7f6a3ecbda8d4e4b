import type { RosterBridge } from '../../../shared/ipc';
import { getRoster } from '../bridge';

/** The bridge to main (Electron preload or the browser host); the only way out of the page. */
export const roster = (): RosterBridge => getRoster();
