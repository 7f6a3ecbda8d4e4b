import type { OpModule } from '../op';
import type { AccessState } from '../../access/state';
import { isKnownUser, link } from '../../access/state';
import { pair } from '../../access/layer';
import { everyPair, firstRefusal, listNames, missing } from './common';

/** R25: the service exists and the accounts belong to it. */
export const serviceRefusal = (s: AccessState, serviceId: string, accountIds: readonly string[]): string | null => {
  const svc = s.services.get(serviceId);
  if (!svc) return `unknown partner service "${serviceId}"`;
  const outside = accountIds.filter((a) => !s.serviceAccounts.has(serviceId, a));
  return outside.length ? `R25: ${listNames(outside)} ${outside.length > 1 ? 'are' : 'is'} not part of service "${svc.name}"` : null;
};

export const partnerGrant: OpModule<'partner.grant'> = {
  kind: 'partner.grant',
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
};
