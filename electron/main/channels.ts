/** Electron IPC channel names, shared by main and the preload (which must stay dependency-free). */
export const CALL_CHANNEL = 'roster:call';
export const EVENT_CHANNEL = 'roster:event';
