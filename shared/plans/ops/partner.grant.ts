import { z } from 'zod';
import { Id } from '../../model';
import type { AccessState } from '../../access/state';
import { isKnownUser, link } from '../../access/state';
import { pair } from '../../access/layer';
import type { OpModule } from '../op';
import { count, list } from '../describe';
import { accountsInService } from '../calls/expect';
import { cross, linkCall, PAA, uniq } from '../calls/links';
import { everyPair, firstRefusal, Ids, listNames, missing, accessInverse } from './common';

export const PartnerGrant = z.strictObject({ op: z.literal('partner.grant'), serviceId: Id, accountIds: Ids, userIds: Ids });

/** R25: the service exists and the accounts belong to it. */
export const serviceRefusal = (s: AccessState, serviceId: string, accountIds: readonly string[]): string | null => {
  const svc = s.services.get(serviceId);
  if (!svc) return `unknown partner service "${serviceId}"`;
  const outside = accountIds.filter((a) => !s.serviceAccounts.has(serviceId, a));
  return outside.length ? `R25: ${listNames(outside)} ${outside.length > 1 ? 'are' : 'is'} not part of service "${svc.name}"` : null;
};

/** R25, R26: users of the service's entity get access to its accounts, one CREATE PartnerAccountAccess per pair. */
export const partnerGrant: OpModule<'partner.grant'> = {
  kind: 'partner.grant',
  schema: PartnerGrant,
  refuse: (s, op) =>
    firstRefusal(
      () => serviceRefusal(s, op.serviceId, op.accountIds),
      () => missing('user', op.userIds, (u) => isKnownUser(s, u)),
      () => {
        const svc = s.services.get(op.serviceId)!;
        const others = op.userIds.filter((u) => s.users.get(u)?.entityId !== svc.entityId);
        return others.length ? `R25: only users of the service's entity can be given access; ${listNames(others)} ${others.length > 1 ? 'are' : 'is'} not` : null;
      },
    ),
  unchanged: (s, op) => everyPair(op.userIds, op.accountIds, (u, a) => s.partner.has(pair(a, u), op.serviceId)),
  perform(draft, op) {
    for (const u of op.userIds) for (const a of op.accountIds) link.partnerAccess(draft, op.serviceId, a, u);
  },
  touches(_s, op, touch) {
    for (const u of op.userIds) for (const a of op.accountIds) touch(u, a);
  },
  calls: (op) =>
    cross([op.serviceId], uniq(op.accountIds), uniq(op.userIds)).map(([sv, a, u]) =>
      linkCall(PAA, [sv!, a!, u!], 'add', { ...op, accountIds: [a!], userIds: [u!] })),
  // R28: the access depends on each account still being in the service.
  expectations: (_s, op) => accountsInService(op.serviceId, op.accountIds),
  describe: (op, n) =>
    `Grant ${list(op.userIds.map(n.user))} access to ${count(op.accountIds.length, 'account')} of service “${n.service(op.serviceId)}”: ${list(op.accountIds.map(n.account))}.`,
  inverse: (before, op) => ({ ops: accessInverse(before, op, true, 'partner.revoke'), notes: [] }),
};
