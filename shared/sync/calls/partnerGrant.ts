import type { OpCalls } from '../types';
import { PAA, cross, linkCall, uniq } from './links';
import { accountsInService } from './expect';

/** partner.grant: every selected user gets every selected account (R26): one CREATE PartnerAccountAccess per pair. */
export const partnerGrant: OpCalls<'partner.grant'> = {
  kind: 'partner.grant',
  calls: (op) => cross([op.serviceId], uniq(op.accountIds), uniq(op.userIds)).map((parts) => linkCall(PAA, parts, 'add')),
  expectations: (op) => accountsInService(op.serviceId, op.accountIds),
};
