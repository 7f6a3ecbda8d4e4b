import { z } from 'zod';
import { Id } from '../../model';
import { link } from '../../access/state';
import { pair } from '../../access/layer';
import type { OpModule } from '../op';
import { count, list } from '../describe';
import { serviceExists } from '../calls/expect';
import { cross, linkCall, PAA, uniq } from '../calls/links';
import { everyPair, Ids, accessInverse, unknownUsersNote } from './common';
import { serviceRefusal } from './partner.grant';

export const PartnerRevoke = z.strictObject({ op: z.literal('partner.revoke'), serviceId: Id, accountIds: Ids, userIds: Ids });

/** R27: revoking removes access to the selected accounts only: one DELETE PartnerAccountAccess per pair. */
export const partnerRevoke: OpModule<'partner.revoke'> = {
  kind: 'partner.revoke',
  schema: PartnerRevoke,
  // A user Roster does not know has no access to revoke: unchanged for them, and the note says so.
  refuse: (s, op) => serviceRefusal(s, op.serviceId, op.accountIds),
  unchanged: (s, op) => everyPair(op.userIds, op.accountIds, (u, a) => !s.partner.has(pair(a, u), op.serviceId)),
  perform(draft, op) {
    for (const u of op.userIds) for (const a of op.accountIds) link.unPartnerAccess(draft, op.serviceId, a, u);
  },
  touches(_s, op, touch) {
    for (const u of op.userIds) for (const a of op.accountIds) touch(u, a);
  },
  note: (s, op) => unknownUsersNote(s, op.userIds, 'access to these accounts'),
  calls: (op) =>
    cross([op.serviceId], uniq(op.accountIds), uniq(op.userIds)).map(([sv, a, u]) =>
      linkCall(PAA, [sv!, a!, u!], 'remove', { ...op, accountIds: [a!], userIds: [u!] })),
  expectations: (_s, op) => serviceExists(op.serviceId),
  describe: (op, n) =>
    `Revoke the access of ${list(op.userIds.map(n.user))} to ${count(op.accountIds.length, 'account')} of service “${n.service(op.serviceId)}”: ${list(op.accountIds.map(n.account))}.`,
  inverse: (before, op) => ({ ops: accessInverse(before, op, false, 'partner.grant'), notes: [] }),
};
