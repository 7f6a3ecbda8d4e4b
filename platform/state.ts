import type { PGlite } from '@electric-sql/pglite';
import type { AuthThrottle } from './authThrottle';
import type { Faults } from './faults';
import type { RateLimiter } from './rateLimit';
import type { Notification } from './api/access';

/** Everything a running platform shares between requests. */
/** `roster`: the vendor's API plus our extensions (default, embedded); `vendor`: exactly the vendor's API. */
export type PlatformProfile = 'roster' | 'vendor';

export interface PlatformState {
  profile: PlatformProfile;
  db: PGlite;
  /** Signs queryTokens; kept in the database so tokens outlive a restart. */
  secret: string;
  tokenTtlMs: number;
  limiter: RateLimiter;
  /** Failed sign-ins per user and per address. */
  authThrottle: AuthThrottle;
  faults: Faults;
  rnd: () => number;
  /** The user the admin endpoint accepts (besides being on loopback). */
  adminUser: string;
  now: () => number;
  log: (line: string) => void;
  /** `vendor`: the notification e-mails its creates would have sent, in order (tests read them). */
  notifications: Notification[];
}
