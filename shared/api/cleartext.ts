// Its own module, free of zod: the browser host checks its command line before loading the API client.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Why a platform URL must be refused: plain http:// to anything but this machine would carry the
 * Basic credentials (the API token) in clear. Null when the URL is fine on that count.
 */
export const cleartextRefusal = (url: string): string | null => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null; // not a URL: the caller's own parsing says so
  }
  if (u.protocol !== 'http:' || LOOPBACK_HOSTS.has(u.hostname) || /^127\./.test(u.hostname)) return null;
  return `${u.origin} is plain http:// to another machine: the API token would travel in clear; use https://`;
};
