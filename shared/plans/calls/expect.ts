import { isProvisionalId } from '../ids';
import type { Expectation } from '../call';
import { uniq } from './links';

/** Preconditions shared by the link ops: the records their intent names still exist. */

export const groupExists = (groupId: string): Expectation[] =>
  isProvisionalId(groupId) ? [] : [{ type: 'AccountGroup', id: groupId }];

export const accountExists = (accountId: string): Expectation[] => [{ type: 'Account', id: accountId }];

export const serviceExists = (serviceId: string): Expectation[] => [{ type: 'PartnerService', id: serviceId }];

/** R28: access depends on the account still being in the service. */
export const accountsInService = (serviceId: string, accountIds: readonly string[]): Expectation[] =>
  uniq(accountIds).map((a) => ({ type: 'PartnerService', id: serviceId, field: 'accountIds', contains: a }));
