import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Q } from './db/records';

// Off the event loop (libuv's pool): a flood of password checks must not stall other requests.
const scryptAsync = promisify(scrypt) as (password: string, salt: string, keylen: number) => Promise<Buffer>;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** API tokens are long random strings, so a plain SHA-256 of them is safe to store. */
export const createToken = async (q: Q, userId: string, token?: string): Promise<string> => {
  const t = token ?? randomBytes(24).toString('base64url');
  if (t.length < 8) throw new Error('a token must have at least 8 characters');
  await q.query(`insert into credentials (user_id, kind, secret_hash) values ($1, 'token', $2) on conflict do nothing`, [userId, sha256(t)]);
  return t;
};

/** Revokes one token of the user, or all of them when none is named; returns how many went. */
export const revokeToken = async (q: Q, userId: string, token?: string): Promise<number> => {
  const r = token
    ? await q.query(`delete from credentials where user_id = $1 and kind = 'token' and secret_hash = $2`, [userId, sha256(token)])
    : await q.query(`delete from credentials where user_id = $1 and kind = 'token'`, [userId]);
  return r.affectedRows ?? 0;
};

/** Passwords are short and guessable, so they get a salted scrypt hash. */
export const setPassword = async (q: Q, userId: string, password: string): Promise<void> => {
  if (password.length < 8) throw new Error('a password must have at least 8 characters');
  const salt = randomBytes(16).toString('hex');
  const hash = (await scryptAsync(password, salt, 32)).toString('hex');
  await q.query(`delete from credentials where user_id = $1 and kind = 'password'`, [userId]);
  await q.query(`insert into credentials (user_id, kind, secret_hash) values ($1, 'password', $2)`, [userId, `${salt}$${hash}`]);
};

const passwordCache = new Map<string, boolean>();

export const verifyCredential = async (q: Q, userId: string, kind: 'token' | 'password', secret: string): Promise<boolean> => {
  const user = userId;
  if (kind === 'token') {
    const r = await q.query(`select 1 from credentials where user_id = $1 and kind = 'token' and secret_hash = $2`, [user, sha256(secret)]);
    return r.rows.length > 0;
  }
  const r = await q.query<{ secret_hash: string }>(`select secret_hash from credentials where user_id = $1 and kind = 'password'`, [user]);
  const stored = r.rows[0]?.secret_hash;
  if (!stored) return false;
  // scrypt costs ~50 ms; remember verdicts per (stored hash, secret) so each request doesn't pay it.
  const key = sha256(`${stored}\u0000${secret}`);
  const cached = passwordCache.get(key);
  if (cached !== undefined) return cached;
  const [salt, hash] = stored.split('$') as [string, string];
  const ok = timingSafeEqual(Buffer.from(hash, 'hex'), await scryptAsync(secret, salt, 32));
  if (passwordCache.size > 1000) passwordCache.clear();
  passwordCache.set(key, ok);
  return ok;
};
