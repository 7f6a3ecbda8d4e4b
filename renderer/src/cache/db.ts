import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ObjectType } from '../../../shared/model';
import type { PlanOp } from '../../../shared/plans/types';
import type { Cached } from './keys';

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

export type OutboxStatus = 'pending' | 'sending' | 'done' | 'failed' | 'conflict';

/** A queued op of a plan; its logic belongs to renderer/src/sync (the push side). */
export interface OutboxEntry {
  id: string;
  /** Global order: ops are pushed in seq order. */
  seq: number;
  planId: string;
  op: PlanOp;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/**
 * Every confirmed table is keyed by `key` (the record's id or natural key, see keys.ts) and
 * indexed for the screens' lookups: group → accounts / users, account → groups, user → roles.
 */
export const CONFIRMED_SCHEMA: Record<ObjectType, string> = {
  Account: 'key, name, parentAccountId',
  AccountGroup: 'key, accountId, name',
  AccountGroupAccount: 'key, accountGroupId, accountId',
  AccountGroupUserRole: 'key, accountGroupId, userId, roleId',
  AccountUserRole: 'key, accountId, userId, roleId',
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

type ConfirmedTables = { [T in ObjectType]: Table<Cached<T>, string> };

export type RosterDb = Dexie &
  ConfirmedTables & {
    syncState: Table<SyncState, [string, string]>;
    quarantine: EntityTable<QuarantineEntry, 'id'>;
    outbox: EntityTable<OutboxEntry, 'id'>;
  };

export const DB_NAME = 'roster-cache';

export const openRosterDb = (name = DB_NAME): RosterDb => {
  const db = new Dexie(name) as RosterDb;
  db.version(1).stores({
    ...CONFIRMED_SCHEMA,
    syncState: '[objectType+scope], objectType',
    quarantine: '++id, objectType, seenAt',
    outbox: 'id, &seq, planId, status',
  });
  return db;
};

export const confirmedTable = <T extends ObjectType>(db: RosterDb, type: T): Table<Cached<T>, string> =>
  db.table(type) as unknown as Table<Cached<T>, string>;
