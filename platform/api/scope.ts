import type { ObjectType } from '../../shared/model';
import { forbidden } from '../errors';
import { readOwners, TYPES } from '../types';
import { requireGroupsEnabled, type Ctx } from './access';

const PER_ACCOUNT: Partial<Record<ObjectType, string>> = {
  Account: 'accountId', AccountUserRole: 'accountId', AccountSSOConfig: 'accountId', AccountUserFederation: 'accountId',
};

/** What one request may see of a type: whose records, and (for a child account) which account's. */
export interface Scope {
  owners: string[];
  /** Set when the URL names a child account: only records of that account are visible. */
  accountField?: string;
  accountId?: string;
}

/**
 * The tenant's primary account sees all of the tenant; a child account sees its own account-level
 * records and the tenant's catalogue, never groups (R1) or partner services.
 */
export const scopeFor = (ctx: Ctx, type: ObjectType): Scope => {
  if (TYPES[type].groupScoped) requireGroupsEnabled(ctx);
  const owners = readOwners(type, ctx.tenant);
  if (ctx.isPrimary) return { owners };
  if (type === 'PartnerService' || type === 'PartnerAccountAccess') {
    throw forbidden(`partner services are managed from the primary account ${ctx.tenant}, not from ${ctx.accountId}`);
  }
  const field = PER_ACCOUNT[type];
  return field ? { owners, accountField: field, accountId: ctx.accountId } : { owners };
};

/** Whether a record lies inside a scope (for GET, UPDATE, DELETE by id). */
export const inScope = (scope: Scope, doc: Record<string, unknown>): boolean =>
  !scope.accountField || doc[scope.accountField] === scope.accountId;
