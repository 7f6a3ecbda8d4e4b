import { createHmac, timingSafeEqual } from 'node:crypto';
import { badRequest } from '../errors';

/**
 * A queryToken is the scan's state, signed: which type and account, the filter, the last seq
 * returned and the highest seq that existed when the scan began (so records created during the
 * scan are left out and nothing shifts), the total, and an expiry. Nothing is kept server-side;
 * a forged or altered token fails the signature and an old one its expiry, each with a 400.
 */
export interface ScanState {
  type: string;
  account: string;
  filter: unknown;
  lastSeq: number;
  maxSeq: number;
  total: number;
  expires: number;
}

const sign = (secret: string, payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

export const encodeToken = (secret: string, s: ScanState): string => {
  const payload = Buffer.from(JSON.stringify(s)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
};

export const decodeToken = (secret: string, token: string, now: number): ScanState => {
  const [payload, mac, extra] = token.trim().split('.');
  const bad = () => badRequest('the queryToken is not valid: it was not issued by this platform or has been altered');
  if (!payload || !mac || extra !== undefined) throw bad();
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw bad();
  let s: ScanState;
  try {
    s = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ScanState;
  } catch {
    throw bad();
  }
  if (s.expires < now) throw badRequest('the queryToken has expired; start the query again');
  return s;
};
