import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type { Snapshot } from '../shared/model';
import { accountUserRoleId } from '../shared/model';
import { BUILT_IN_ROLE_IDS } from '../shared/seeds/builtInRoles';
import { demoSnapshot } from '../shared/seeds/demo';
import { EXAMPLE, exampleSnapshot } from '../shared/seeds/example';
import { generateSnapshot } from '../shared/seeds/generate';
import { createToken } from './credentials';
import { getMeta, getRecord, insertRecord, setMeta } from './db/records';
import { importSnapshot } from './db/seed';
import { INDEXES } from './db/schema';
import type { PlatformProfile } from './state';

import type { SeedTier } from './seedTiers';
export { SEED_TIERS, type SeedTier } from './seedTiers';
export const DEFAULT_ADMIN = 'admin@roster.local';

/**
 * Seed 002 before the admin built its groups (the from-scratch E2E scenario): its accounts, users
 * and roles, and only the default group All Accounts, which holds every account from the start (R3)
 * but has no users yet.
 */
const bareExample = (): Snapshot => {
  const s = exampleSnapshot();
  const all = s.AccountGroup.filter((g) => g.defaultGroup).map((g) => g.id);
  s.AccountGroup = s.AccountGroup.filter((g) => all.includes(g.id));
  s.AccountGroupAccount = s.AccountGroupAccount.filter((l) => all.includes(l.accountGroupId));
  s.AccountGroupUserRole = [];
  return s;
};

/**
 * Seed 002's primary as a single account (R1): the account-groups feature off, no managed account,
 * so no group at all (not even All Accounts); its users hold direct roles on it, as a single
 * account's users do (R6). What an admin sees before Boomi enables primary accounts for them.
 */
const singleAccount = (): Snapshot => {
  const s = exampleSnapshot();
  const primary = s.Account.find((a) => a.accountId === EXAMPLE.primary.accountId)!;
  s.Account = [{ ...primary, accountGroupsEnabled: false }];
  s.AccountGroup = [];
  s.AccountGroupAccount = [];
  s.AccountGroupUserRole = [];
  EXAMPLE.users.forEach((userId, i) => {
    const roleId = BUILT_IN_ROLE_IDS[i === 0 ? 'Administrator' : 'Standard User'];
    s.AccountUserRole.push({ '@type': 'AccountUserRole', id: accountUserRoleId(primary.accountId, userId, roleId), accountId: primary.accountId, userId, roleId });
  });
  return s;
};

/**
 * `example` is seed 002 exactly (`example-bare`: without its groups; `single`: its primary alone, R1); `demo` (the app's first run)
 * is seed 002 plus one of every other kind of record; the scale tiers come from the generator
 * shared with `npm run gen` (seed 1).
 */
export const seedSnapshot = (tier: SeedTier, profile: PlatformProfile = 'roster'): Snapshot => {
  const s = tierSnapshot(tier);
  return profile === 'vendor' ? withNeverSignedIn(s) : s;
};

const tierSnapshot = (tier: SeedTier): Snapshot => {
  if (tier === 'demo') return demoSnapshot();
  if (tier === 'example') return exampleSnapshot();
  if (tier === 'single') return singleAccount();
  return tier === 'example-bare' ? bareExample() : generateSnapshot(tier, 1);
};

/**
 * The vendor profile seeds ServUser3 (where the tier has them) as a user who has never signed in,
 * so its tests meet the vendor's refusal to add such a user to a group's users. Seed 002 itself
 * has no such user: its worked example adds ServUser3 to groups, which must work on `roster`.
 */
const withNeverSignedIn = (s: Snapshot): Snapshot => ({
  ...s,
  User: s.User.map((u) => (u.userId === EXAMPLE.users[2] ? { ...u, neverSignedIn: true } : u)),
});

/**
 * Seeds a brand-new database once (for `profile`, see seedSnapshot); a reopened one keeps its
 * data and its primary account, whatever profile it is opened with.
 */
export const ensureSeeded = async (db: PGlite, tier: SeedTier, profile: PlatformProfile = 'roster'): Promise<string> => {
  const existing = await getMeta(db, 'primary');
  if (existing) {
    await db.exec(INDEXES);
    return existing;
  }
  const snapshot = seedSnapshot(tier, profile);
  const primary = await db.transaction(async (tx) => {
    const id = await importSnapshot(tx, snapshot, { fresh: true });
    await setMeta(tx, 'primary', id);
    await setMeta(tx, 'seeded', tier);
    return id;
  });
  await tidy(db);
  return primary;
};

/**
 * PGlite runs no autovacuum: after a bulk load, statistics are missing (so plans guess one row)
 * and every first read rewrites hint bits. One VACUUM ANALYZE fixes both.
 */
export const tidy = async (db: PGlite): Promise<void> => {
  await db.exec(INDEXES);
  await db.exec('vacuum analyze records');
};

export const ensureSecret = async (db: PGlite): Promise<string> => {
  const s = await getMeta(db, 'token_secret');
  if (s) return s;
  const fresh = randomBytes(32).toString('base64url');
  await setMeta(db, 'token_secret', fresh);
  return fresh;
};

/**
 * Makes `user` an Administrator of the primary account through a direct AccountUserRole (R6),
 * creating the User first (a user must exist before holding roles), and gives them an API token.
 */
export const ensureAdmin = async (db: PGlite, primary: string, user: string, token?: string): Promise<string> =>
  db.transaction(async (tx) => {
    if (!(await getRecord(tx, 'User', [primary], user))) {
      await insertRecord(tx, 'User', primary, user, { '@type': 'User', userId: user, firstName: 'Platform', lastName: 'Admin' });
    }
    const roleId = BUILT_IN_ROLE_IDS.Administrator;
    const id = accountUserRoleId(primary, user, roleId);
    // By natural key: on the vendor profile the link's id has since become an opaque one.
    const held = await tx.query(
      `select 1 from records where type = 'AccountUserRole' and owner = $1 and doc->>'accountId' = $1 and doc->>'userId' = $2 and doc->>'roleId' = $3 limit 1`,
      [primary, user, roleId],
    );
    if (!held.rows.length) {
      await insertRecord(tx, 'AccountUserRole', primary, id, { '@type': 'AccountUserRole', id, accountId: primary, userId: user, roleId });
    }
    await setMeta(tx, 'admin_user', user);
    return createToken(tx, user, token);
  });
