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
  const cache = file.endsWith('.html') ? 'no-store' : 'no-cache';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache }).end(body);
};
