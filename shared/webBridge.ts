/**
 * The browser host's loopback protocol (electron/web/server.ts, renderer/src/bridge/web.ts). A
 * module of its own, free of zod: the host serves the page before it loads main's services and
 * the IPC contract's schemas.
 */
export const WEB_BRIDGE = {
  /** The per-launch secret travels in this header; the page gets it in the URL fragment. */
  secretHeader: 'x-roster-secret',
  callPath: '/_roster/call',
  eventsPath: '/_roster/events',
  fragmentKey: 'secret',
} as const;
