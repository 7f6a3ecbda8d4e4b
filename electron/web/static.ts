import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { CSP } from '../main/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/** Headers on everything the host serves: the renderer's CSP, and no sniffing, framing or referrer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The file under `root` for a URL path, or null when it would leave root. */
export const resolveStatic = (root: string, urlPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
};

/**
 * Vite names every built asset after its content (`assets/name-hash.ext`): such a file never
 * changes, so the browser may keep it for good. A second start then loads the page's scripts from
 * its own cache without asking the host, which is busy opening the embedded platform. The page
 * itself is never cached: a new build names new files there.
 */
const CONTENT_NAMED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

export const cacheControl = (urlPath: string, file: string): string => {
  if (file.endsWith('.html')) return 'no-store';
  return CONTENT_NAMED.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
};

/** Serves the built renderer; unknown paths get index.html (the app routes by hash). */
export const serveStatic = async (root: string, urlPath: string, res: ServerResponse): Promise<void> => {
  const wanted = resolveStatic(root, urlPath === '/' ? '/index.html' : urlPath);
  if (!wanted) {
    res.writeHead(400, SECURITY_HEADERS).end('bad path');
    return;
  }
  const isFile = await stat(wanted).then((s) => s.isFile(), () => false);
  const file = isFile ? wanted : path.join(root, 'index.html');
  const body = await readFile(file).catch(() => null);
  if (!body) {
    res.writeHead(404, SECURITY_HEADERS).end('not found');
    return;
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cacheControl(isFile ? urlPath : '/index.html', file) }).end(body);
};
