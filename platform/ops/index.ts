import type { ObjectType } from '../../shared/model';
import type { Ctx } from '../api/access';
import type { Doc, Q } from '../db/records';
import { accountGroupWrites } from './accountGroup';
import { accountWrites } from './accounts';
import { groupAccountWrites, groupPackWrites, groupUserRoleWrites } from './groupLinks';
import { entityWrites, federationWrites, ssoWrites, userWrites } from './misc';
import { partnerAccessWrites, partnerServiceWrites } from './partner';
import { accountUserRoleWrites, roleWrites } from './roles';

/** One write: runs inside a transaction; returns the stored record (nothing for DELETE). */
export type WriteOp = (tx: Q, ctx: Ctx, body: Doc, id: string) => Promise<Doc | void>;

export interface TypeWrites {
  create?: WriteOp;
  update?: WriteOp;
  remove?: WriteOp;
}

/** Which write each type supports; the routes refuse verbs a type's spec lacks before this. */
export const WRITES: Partial<Record<ObjectType, TypeWrites>> = {
  Account: accountWrites,
  AccountGroup: accountGroupWrites,
  AccountGroupAccount: groupAccountWrites,
  AccountGroupUserRole: groupUserRoleWrites,
  AccountGroupIntegrationPack: groupPackWrites,
  AccountUserRole: accountUserRoleWrites,
  Role: roleWrites,
  AccountSSOConfig: ssoWrites,
  AccountUserFederation: federationWrites,
  User: userWrites,
  Entity: entityWrites,
  PartnerService: partnerServiceWrites,
  PartnerAccountAccess: partnerAccessWrites,
};
