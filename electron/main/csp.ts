/**
 * The renderer's Content-Security-Policy, sent as a header by Electron's session and by the
 * browser host (renderer/index.html carries the same policy as a meta tag). No inline or remote
 * script; emotion (MUI) injects style tags, hence 'unsafe-inline' for styles only.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
