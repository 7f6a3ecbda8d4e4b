import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ObjectType, Snapshot } from '../../../shared/model';
import type { ReviewRecord } from '../../../shared/review/record';
import type { PlanOp } from '../../../shared/plans/types';
import type { CapabilityName } from '../../../shared/sync/capabilities';
import type { OutboxOp } from '../../../shared/sync/types';
import type { Cached } from './keys';
import type { GroupCount } from './groupCounts';
import type { GroupAccountsTable } from './groupAccounts';
import { upgradeOutbox } from './outboxUpgrade';

/** Per object type and scope: the last complete scan, so deletions can be inferred (DESIGN.md). */
export interface SyncState {
  objectType: ObjectType;
  /** 'all' for a full scan of the type; a filter's canonical JSON for a scoped scan. */
  scope: string;
  lastCompleteScan: string | null;
  /** Content hash of the confirmed records of that scan: unchanged data is not rewritten. */
  hash: string;
  count: number;
  time: string;
}

/** A record the platform sent that failed validation: reported, never cached (DESIGN.md, Pull). */
export interface QuarantineEntry {
  id?: number;
  objectType: string;
  index: number;
  record: unknown;
  issues: string[];
  seenAt: string;
}

/** One op of an applied plan and what the platform said of it. */
export interface HistoryOp {
  op: PlanOp;
  status: 'applied' | 'unchanged' | 'failed';
  error: string | null;
}

/**
 * An applied plan in the local History (DESIGN.md "Plan files"): when, which platform and admin,
 * each op with its result, and the inverse plan read from the state before it was applied.
 */
export interface HistoryEntry {
  planId: string;
  queuedAt: string;
  /** When the platform answered the plan's last op. */
  appliedAt: string;
  platform: string;
  admin: string;
  ops: HistoryOp[];
  /** Undo: the inverse of the ops that changed something, last change first. */
  inverse: PlanOp[];
  /** What undo cannot put back, in words. */
  notes: string[];
  /** The plan queued by Undo of this one, once the admin applied it. */
  undoneBy?: string;
}

/**
 * Every confirmed table holds records keyed by `key` (the record's id or natural key, see
 * keys.ts), with only the indexes the screens look up by: each index is one more IndexedDB write
 * per record, and a cold pull writes 100,000 group links (≥ 20,000 records/s). Those
 * links are stored one row per group (groupAccounts.ts); the group's user roles have the group
 * first in a compound primary key, so "this group's user roles" is a key range (Dexie serves
 * where('accountGroupId') from it) and needs no index of its own.
 */
export const CONFIRMED_SCHEMA: Record<ObjectType, string> = {
  Account: 'key',
  AccountGroup: 'key, accountId, name',
  AccountGroupAccount: 'accountGroupId',
  AccountGroupUserRole: '[accountGroupId+key]',
  AccountUserRole: 'key',
  Role: 'key, name, accountId',
  AccountSSOConfig: 'key',
  AccountUserFederation: 'key, accountId, userId',
  User: 'key, entityId',
  Entity: 'key',
  PartnerService: 'key, entityId',
  PartnerAccountAccess: 'key, serviceId, accountId, userId',
  Cloud: 'key',
  IntegrationPack: 'key',
  AccountGroupIntegrationPack: 'key, accountGroupId',
  PublishedResource: 'key, objectType, accountId',
};

/** Tables whose primary key is [accountGroupId, key] rather than key. */
export const GROUP_KEYED: ReadonlySet<ObjectType> = new Set<ObjectType>(['AccountGroupUserRole']);

/** The primary key a confirmed record is stored under (not for AccountGroupAccount: see groupAccounts.ts). */
export const primaryKeyOf = (type: ObjectType, row: { key: string }): string | [string, string] =>
  GROUP_KEYED.has(type) ? [String((row as { accountGroupId?: unknown }).accountGroupId ?? ''), row.key] : row.key;

/** Version 1's confirmed tables that changed since: needed to upgrade a cache written by it. */
const V1_CHANGED = {
  Account: 'key, name, parentAccountId',
  AccountGroupAccount: 'key, accountGroupId, accountId',
  AccountGroupUserRole: 'key, accountGroupId, userId, roleId',
  AccountUserRole: 'key, accountId, userId, roleId',
};

type ConfirmedTables = { [T in Exclude<ObjectType, 'AccountGroupAccount'>]: Table<Cached<T>, string | [string, string]> } & {
  AccountGroupAccount: GroupAccountsTable;
};

export type RosterDb = Dexie &
  ConfirmedTables & {
    syncState: Table<SyncState, [string, string]>;
    quarantine: EntityTable<QuarantineEntry, 'id'>;
    /** Queued ops: shared/sync's OutboxOp, the one record main's journal and the engine keep too. */
    outbox: EntityTable<OutboxOp, 'id'>;
    /** Accounts and users per group, kept with the links (groupCounts.ts). */
    groupCounts: Table<GroupCount, [string, string]>;
    history: Table<HistoryEntry, string>;
    /** Review: named snapshots of the cache (baselines) and named reviews (their decisions). */
    baselines: Table<BaselineRow, string>;
    reviews: Table<ReviewRecord, string>;
    platformFacts: Table<PlatformFact, PlatformFact['key']>;
  };

/**
 * What Roster knows of the platform beyond its records: key 'capabilities' holds what main
 * learnt at connect (the platform's URL and the extensions it lacks, shared/sync/capabilities.ts),
 * kept so an offline start still says so; key 'recordedSupportAccessRoles' the Support Access
 * Roles the admin recorded in Roster for accounts whose role the platform cannot tell (account id
 * → role id, null: none), kept apart from the Account rows so a refresh never loses them.
 */
export type PlatformFact =
  | { key: 'capabilities'; url: string; missing: CapabilityName[]; at: string }
  | { key: 'recordedSupportAccessRoles'; roles: Record<string, string | null>; at: string };

/** A baseline: the cache's snapshot at review time, kept under a name with no expiry. */
export interface BaselineRow {
  id: string;
  name: string;
  savedAt: string;
  /** The cache's "as of" when saved (its last complete scan), or null if unknown. */
  snapshotAt: string | null;
  snapshot: Snapshot;
}

export const DB_NAME = 'roster-cache';

const LOCAL_SCHEMA = {
  syncState: '[objectType+scope], objectType',
  quarantine: '++id, objectType, seenAt',
  outbox: 'id, &seq, planId, status',
};

export const openRosterDb = (name = DB_NAME): RosterDb => {
  const db = new Dexie(name) as RosterDb;
  db.version(1).stores({ ...CONFIRMED_SCHEMA, ...V1_CHANGED, ...LOCAL_SCHEMA });
  // A primary key cannot change in place: the two link tables go (with their sync state, so the
  // next refresh fills them again, hash or no hash) and come back group-keyed in version 3.
  // The outbox and everything else stay.
  db.version(2)
    .stores({ AccountGroupAccount: null, AccountGroupUserRole: null, Account: CONFIRMED_SCHEMA.Account, AccountUserRole: CONFIRMED_SCHEMA.AccountUserRole })
    .upgrade((tx) => tx.table('syncState').where('objectType').anyOf(['AccountGroupAccount', 'AccountGroupUserRole']).delete());
  db.version(3).stores({ ...CONFIRMED_SCHEMA, AccountGroupAccount: '[accountGroupId+key]', ...LOCAL_SCHEMA, groupCounts: '[objectType+accountGroupId], objectType' });
  // Version 4 → 5: the group links move to one row per group (groupAccounts.ts); same dance.
  db.version(4)
    .stores({ AccountGroupAccount: null })
    .upgrade(async (tx) => {
      await tx.table('syncState').where('objectType').equals('AccountGroupAccount').delete();
      await tx.table('groupCounts').where('objectType').equals('AccountGroupAccount').delete();
    });
  db.version(5).stores({ ...CONFIRMED_SCHEMA, ...LOCAL_SCHEMA, groupCounts: '[objectType+accountGroupId], objectType' });
  // Version 6 adds History (applied plans); nothing else changes.
  db.version(6).stores({ history: 'planId, appliedAt' });
  // Version 7 adds Review's baselines and reviews; nothing else changes.
  db.version(7).stores({ baselines: 'id, savedAt', reviews: 'id, createdAt' });
  // Version 8 adds what Roster learnt of the platform itself (its missing capabilities); nothing else changes.
  db.version(8).stores({ platformFacts: 'key' });
  // Version 9: outbox rows become shared/sync's OutboxOp (one status vocabulary, a round, the
  // precondition taken when queued); rows queued by earlier versions are rewritten, none lost.
  db.version(9).stores({}).upgrade(upgradeOutbox);
  return db;
};

/** A record-per-row confirmed table; AccountGroupAccount is stored per group (groupAccounts.ts). */
export const confirmedTable = <T extends Exclude<ObjectType, 'AccountGroupAccount'>>(db: RosterDb, type: T): Table<Cached<T>, string | [string, string]> =>
  db.table(type) as unknown as Table<Cached<T>, string | [string, string]>;
