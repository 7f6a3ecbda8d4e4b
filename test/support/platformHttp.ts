/**
 * How a test talks to a platform as another client would (E2E, unit, bench and fuzz alike). The
 * platform's rate limit is per account and shared with whatever else is talking to it — the
 * app's own pull, a push, the test's previous burst — so a 503 is the platform saying "not now,
 * nothing done": it is sent again after its Retry-After, as any well-behaved client does. Tests
 * that assert the platform's own answers (a 503 included) use plain fetch on purpose.
 */

export interface PlatformCredentials {
  url: string;
  user: string;
  token: string;
}

/** HTTP Basic with an API token, as the vendor's API takes it (`BOOMI_TOKEN.<user>:<token>`). */
export const tokenAuthHeader = (user: string, token: string): string => `Basic ${Buffer.from(`BOOMI_TOKEN.${user}:${token}`).toString('base64')}`;

/** Retry-After in ms (seconds or an HTTP date); null when absent or unreadable. */
const retryAfterMs = (res: Response): number | null => {
  const v = res.headers.get('retry-after')?.trim();
  if (!v) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
};

export interface Patience {
  /** How long to keep sending in all (90 s): the last answer is returned as it came after that. */
  patienceMs?: number;
  /** Told of each 503 before the wait (a benchmark counts them). */
  onBusy?: (waitMs: number) => void;
}

/**
 * fetch that sends a request again while the platform answers 503 (it did not act, so a write is
 * safe to repeat), waiting what its Retry-After says (200 ms when it says nothing).
 */
export const politeFetch = async (url: string, init: RequestInit = {}, o: Patience = {}): Promise<Response> => {
  const until = Date.now() + (o.patienceMs ?? 90_000);
  for (;;) {
    const res = await fetch(url, init);
    if (res.status !== 503) return res;
    const wait = retryAfterMs(res) ?? 200;
    if (Date.now() + wait > until) return res;
    o.onBusy?.(wait);
    await res.arrayBuffer().catch(() => undefined);
    await new Promise((r) => setTimeout(r, wait));
  }
};

/** A POST to `<platform url>/<path>` with the token's Basic auth (QUERY, CREATE, UPDATE alike). */
export const platformPost = (p: PlatformCredentials, path: string, body: string, contentType = 'application/json', patience?: Patience): Promise<Response> =>
  politeFetch(
    `${p.url}/${path}`,
    { method: 'POST', headers: { Authorization: tokenAuthHeader(p.user, p.token), 'Content-Type': contentType, Accept: 'application/json' }, body },
    patience,
  );

/** Every record of one type, QUERY `{}` (the reference platform's "all") then queryMore while a token is left. */
export const platformQuery = async <T = Record<string, unknown>>(p: PlatformCredentials, type: string): Promise<T[]> => {
  const records: T[] = [];
  let res = await platformPost(p, `${type}/query`, '{}');
  for (;;) {
    if (!res.ok) throw new Error(`${type}/query: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { result?: T[]; queryToken?: string };
    records.push(...(page.result ?? []));
    if (!page.queryToken) return records;
    res = await platformPost(p, `${type}/queryMore`, page.queryToken, 'text/plain');
  }
};

/** The reference platform's admin endpoint (`<origin>/admin/<path>`): tokens, rate, faults, notifications. */
export const platformAdmin = (p: PlatformCredentials, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Response> =>
  politeFetch(`${new URL(p.url).origin}/admin/${path}`, {
    method,
    headers: { Authorization: tokenAuthHeader(p.user, p.token), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
