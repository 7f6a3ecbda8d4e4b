import type { ObjectType } from '../shared/model';

export type Verb = 'GET' | 'BULK' | 'QUERY' | 'CREATE' | 'UPDATE' | 'DELETE';

export interface TypeSpec {
  /** The property that is the record's id (Account and AccountSSOConfig use accountId). */
  idField: string;
  verbs: readonly Verb[];
  /** QUERY property name (as the vendor spells it) -> JSON field. */
  queryable: Record<string, string>;
  /** R1: only a primary account with account groups enabled has these. */
  groupScoped?: boolean;
  /** Outside the vendor API (DESIGN.md extensions). */
  extension?: boolean;
}

const props = (...names: string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, n]));

const ALL_READ = ['GET', 'BULK', 'QUERY'] as const;

/**
 * Verbs exactly where the vendor's OpenAPI has them, so a client tested here works there; extensions follow the same
 * conventions. Account's QUERY properties are upper case in the vendor spec.
 */
export const TYPES: Record<ObjectType, TypeSpec> = {
  Account: {
    idField: 'accountId',
    // CREATE and UPDATE are extensions: managed accounts appear (R3) and their Support Access Role,
    // AUS and name change, which the vendor does through other channels.
    verbs: [...ALL_READ, 'CREATE', 'UPDATE'],
    queryable: {
      ACCOUNTID: 'accountId', DATECREATED: 'dateCreated', EXPIRATIONDATE: 'expirationDate', NAME: 'name',
      STATUS: 'status', WIDGETACCOUNT: 'widgetAccount', OVERDEPLOYED: 'overDeployed',
      PARENTACCOUNTID: 'parentAccountId', ACCOUNTGROUPSENABLED: 'accountGroupsEnabled',
      ADVANCEDUSERSECURITY: 'advancedUserSecurity', SUPPORTACCESSROLEID: 'supportAccessRoleId',
    },
  },
  AccountGroup: {
    idField: 'id', verbs: [...ALL_READ, 'CREATE', 'UPDATE'], groupScoped: true,
    queryable: props('id', 'accountId', 'name', 'defaultGroup', 'autoSubscribeAlertLevel'),
  },
  AccountGroupAccount: {
    idField: 'id', verbs: ['QUERY', 'CREATE', 'DELETE'], groupScoped: true, queryable: props('accountGroupId', 'accountId'),
  },
  AccountGroupUserRole: {
    idField: 'id', verbs: ['QUERY', 'CREATE', 'DELETE'], groupScoped: true, queryable: props('accountGroupId', 'userId', 'roleId'),
  },
  AccountUserRole: { idField: 'id', verbs: ['QUERY', 'CREATE', 'DELETE'], queryable: props('accountId', 'userId', 'roleId') },
  Role: {
    idField: 'id', verbs: [...ALL_READ, 'CREATE', 'UPDATE', 'DELETE'],
    queryable: props('name', 'parentId', 'id', 'accountId'),
  },
  AccountSSOConfig: {
    // QUERY is ours: the vendor only has GET/bulk, which needs every account id up front.
    idField: 'accountId', verbs: [...ALL_READ, 'UPDATE', 'DELETE'], queryable: props('accountId', 'enabled'),
  },
  AccountUserFederation: {
    idField: 'id', verbs: ['QUERY', 'CREATE', 'UPDATE', 'DELETE'], queryable: props('accountId', 'userId', 'federationId'),
  },
  Cloud: { idField: 'id', verbs: ALL_READ, queryable: props('name', 'id') },
  IntegrationPack: { idField: 'id', verbs: ALL_READ, queryable: props('name', 'id', 'installationType') },
  AccountGroupIntegrationPack: {
    idField: 'id', verbs: ['GET', 'BULK', 'QUERY', 'CREATE', 'DELETE'], groupScoped: true, queryable: props('accountGroupId'),
  },
  User: { idField: 'userId', verbs: [...ALL_READ, 'CREATE'], extension: true, queryable: props('userId', 'firstName', 'lastName', 'entityId') },
  Entity: { idField: 'id', verbs: [...ALL_READ, 'CREATE'], extension: true, queryable: props('id', 'name') },
  PartnerService: {
    idField: 'id', verbs: [...ALL_READ, 'CREATE', 'UPDATE', 'DELETE'], extension: true,
    queryable: props('id', 'name', 'partnerOrganisation', 'entityId'),
  },
  PartnerAccountAccess: {
    idField: 'id', verbs: ['GET', 'QUERY', 'CREATE', 'DELETE'], extension: true, queryable: props('id', 'serviceId', 'accountId', 'userId'),
  },
  PublishedResource: {
    idField: 'id', verbs: ALL_READ, extension: true,
    queryable: props('id', 'objectType', 'name', 'accountId', 'released', 'visibility', 'publishedBy'),
  },
};

export const isObjectType = (t: string): t is ObjectType => Object.prototype.hasOwnProperty.call(TYPES, t);

export const recordId = (type: ObjectType, doc: Record<string, unknown>): string => String(doc[TYPES[type].idField] ?? '');

/** Account "1" owns the built-in roles (R14); every tenant reads them. */
export const BUILT_IN_OWNER = '1';
export const readOwners = (type: ObjectType, tenant: string): string[] => (type === 'Role' ? [tenant, BUILT_IN_OWNER] : [tenant]);
