import type { ObjectType, RecordOf } from '../../../shared/model';
import {
  accountGroupAccountId,
  accountGroupUserRoleId,
  accountUserRoleId,
  partnerAccountAccessId,
} from '../../../shared/model';

/**
 * The key each confirmed record is stored under. Link objects may come without an id (the
 * vendor's platform synthesises them), so we derive the same synthesised id from their parts:
 * the natural key and the cache key are then one thing (DESIGN.md, Push).
 */
type AnyRecord = Record<string, unknown>;
const s = (r: AnyRecord, f: string): string => String(r[f] ?? '');

const KEY_OF: { [T in ObjectType]: (r: RecordOf<T>) => string } = {
  Account: (r) => r.accountId,
  AccountGroup: (r) => r.id,
  AccountGroupAccount: (r) => r.id ?? accountGroupAccountId(r.accountGroupId, r.accountId),
  AccountGroupUserRole: (r) => r.id ?? accountGroupUserRoleId(r.accountGroupId, r.userId, r.roleId),
  AccountUserRole: (r) => r.id ?? accountUserRoleId(r.accountId, r.userId, r.roleId),
  Role: (r) => r.id,
  AccountSSOConfig: (r) => r.accountId,
  AccountUserFederation: (r) => r.id ?? `${r.accountId}\u001f${r.userId}`,
  User: (r) => r.userId,
  Entity: (r) => r.id,
  PartnerService: (r) => r.id,
  PartnerAccountAccess: (r) => r.id ?? partnerAccountAccessId(r.serviceId, r.accountId, r.userId),
  Cloud: (r) => r.id,
  IntegrationPack: (r) => r.id,
  AccountGroupIntegrationPack: (r) =>
    r.id ?? `${s(r as AnyRecord, 'accountGroupId')}\u001f${s(r as AnyRecord, 'integrationPackId')}`,
  PublishedResource: (r) => r.id,
};

export const recordKey = <T extends ObjectType>(type: T, record: RecordOf<T>): string =>
  (KEY_OF[type] as (r: RecordOf<T>) => string)(record);

/** A cached record: the platform's record plus the key it is stored under. */
export type Cached<T extends ObjectType> = RecordOf<T> & { key: string };

export const withKey = <T extends ObjectType>(type: T, record: RecordOf<T>): Cached<T> => ({
  ...record,
  key: recordKey(type, record),
});
