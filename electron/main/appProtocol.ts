import path from 'node:path';

/**
 * The renderer is served from app://roster/ (protocol.handle), not file://: a file: page may
 * read any local file through fetch and shares its origin with every other file, while app://
 * is one origin that serves out/renderer and nothing else.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'roster';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The dev server (ELECTRON_RENDERER_URL) only in development: a packaged app never loads another page. */
export const rendererUrlFor = (packaged: boolean, env: Record<string, string | undefined>): string =>
  (!packaged && env.ELECTRON_RENDERER_URL) || APP_URL;

/** The file an app:// request names inside `rendererDir`, or null (another host, a way out of it). */
export const appFileFor = (rendererDir: string, requestUrl: string): string | null => {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  return file.startsWith(root + path.sep) ? file : null;
};
