import type { OpModule } from '../op';
import { isKnownUser, link } from '../../access/state';
import { pair } from '../../access/layer';
import { everyPair, firstRefusal, missing } from './common';
import { serviceRefusal } from './partner.grant';

/** R27: revoking removes access to the selected accounts only. */
export const partnerRevoke: OpModule<'partner.revoke'> = {
  kind: 'partner.revoke',
  refuse: (s, op) =>
    firstRefusal(
      () => serviceRefusal(s, op.serviceId, op.accountIds),
      () => missing('user', op.userIds, (u) => isKnownUser(s, u)),
    ),
  unchanged: (s, op) => everyPair(op.userIds, op.accountIds, (u, a) => !s.partner.has(pair(a, u), op.serviceId)),
  perform(draft, op) {
    for (const u of op.userIds) for (const a of op.accountIds) link.unPartnerAccess(draft, op.serviceId, a, u);
  },
  touches(_s, op, touch) {
    for (const u of op.userIds) for (const a of op.accountIds) touch(u, a);
  },
};
