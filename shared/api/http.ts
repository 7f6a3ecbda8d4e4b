import { ApiError as ApiErrorBody } from '../model';
import { ApiError, kindOfStatus } from './errors';

/** The part of fetch's Response the client reads; a fake in tests, global fetch in production. */
export interface ResponseLike {
  status: number;
  text(): Promise<string>;
}
export interface RequestInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}
export type FetchLike = (url: string, init: RequestInitLike) => Promise<ResponseLike>;


const utf8Base64 = (s: string): string => {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
};

/** HTTP Basic with Boomi's API-token user name (`BOOMI_TOKEN.<user>`), unless already given. */
export const authorization = (user: string, token: string): string => {
  const name = user.startsWith('BOOMI_TOKEN.') ? user : `BOOMI_TOKEN.${user}`;
  return `Basic ${utf8Base64(`${name}:${token}`)}`;
};

export const parseJson = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('invalid-response', 200, 'the platform did not answer with JSON');
  }
};

const STATUS_TEXT: Record<number, string> = {
  400: 'the platform rejected the request',
  401: 'the platform did not accept the credentials',
  403: 'not allowed on this account',
  404: 'not found on the platform',
  409: 'conflicts with the platform state',
  410: 'gone from the platform',
  503: 'the platform is busy (rate limit); try again shortly',
};

/** The platform's own message (`{"@type":"Error","message":…}`) when it sent one. */
export const errorMessage = (status: number, body: string): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const r = ApiErrorBody.safeParse(parsed);
  const fallback = STATUS_TEXT[status] ?? (status >= 500 ? 'the platform failed' : 'the platform refused the request');
  return `HTTP ${status}: ${r.success && r.data.message ? r.data.message : fallback}`;
};

export type Sender = (method: string, path: string, body?: string, contentType?: string) => Promise<string>;

/** One HTTP exchange: auth and JSON headers, timeout, and every failure as a typed ApiError. */
export const makeSender =
  (baseUrl: string, auth: string, fetchFn: FetchLike, timeoutMs?: number): Sender =>
  async (method, path, body, contentType = 'application/json') => {
    const headers: Record<string, string> = { Authorization: auth, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = contentType;
    const init: RequestInitLike = { method, headers };
    if (body !== undefined) init.body = body;
    let res: ResponseLike;
    try {
      if (timeoutMs) init.signal = AbortSignal.timeout(timeoutMs);
      res = await fetchFn(`${baseUrl}/${path}`, init);
    } catch (e) {
      // The message names the URL and the cause, never the Authorization header.
      throw new ApiError('network', 0, `cannot reach the platform at ${baseUrl}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const text = await res.text().catch(() => '');
    if (res.status < 200 || res.status >= 300) {
      throw new ApiError(kindOfStatus(res.status), res.status, errorMessage(res.status, text));
    }
    return text;
  };
