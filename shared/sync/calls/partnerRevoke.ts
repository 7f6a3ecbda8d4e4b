import type { OpCalls } from '../types';
import { PAA, cross, linkCall, uniq } from './links';
import { serviceExists } from './expect';

/** partner.revoke: removes access to the selected accounts only (R27): one DELETE PartnerAccountAccess per pair. */
export const partnerRevoke: OpCalls<'partner.revoke'> = {
  kind: 'partner.revoke',
  calls: (op) => cross([op.serviceId], uniq(op.accountIds), uniq(op.userIds)).map((parts) => linkCall(PAA, parts, 'remove')),
  expectations: (op) => serviceExists(op.serviceId),
};
