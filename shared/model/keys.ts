import type { ObjectType } from './snapshot';

type Rec = Record<string, unknown>;

/** The natural key of each object type (links: their parts); the rest are keyed by `id`. */
const KEY_FIELDS: Partial<Record<ObjectType, readonly string[]>> = {
  Account: ['accountId'],
  AccountGroup: ['id'],
  Role: ['id'],
  PartnerService: ['id'],
  AccountGroupAccount: ['accountGroupId', 'accountId'],
  AccountGroupUserRole: ['accountGroupId', 'userId', 'roleId'],
  AccountUserRole: ['accountId', 'userId', 'roleId'],
  PartnerAccountAccess: ['serviceId', 'accountId', 'userId'],
};

/** A record's natural key: what a pull merges on and what decides "the same record". */
export const keyOf = (type: ObjectType, r: Rec): string => (KEY_FIELDS[type] ?? ['id']).map((f) => String(r[f])).join('|');
