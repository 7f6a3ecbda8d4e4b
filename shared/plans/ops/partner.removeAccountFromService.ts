import type { OpModule } from '../op';
import { link } from '../../access/state';
import { pair } from '../../access/layer';
import { missing } from './common';

/** R28: when an account leaves a service, the access that depended on it goes too. */
export const partnerRemoveAccountFromService: OpModule<'partner.removeAccountFromService'> = {
  kind: 'partner.removeAccountFromService',
  refuse: (s, op) => missing('partner service', [op.serviceId], (id) => s.services.has(id)),
  unchanged: (s, op) => !s.serviceAccounts.has(op.serviceId, op.accountId),
  perform(draft, op) {
    const svc = draft.services.get(op.serviceId)!;
    draft.services.set(svc.id, { ...svc, accountIds: svc.accountIds.filter((a) => a !== op.accountId) });
    draft.serviceAccounts.remove(op.serviceId, op.accountId);
    for (const u of [...(draft.partnerUsers.get(op.accountId) ?? [])]) {
      if (draft.partner.has(pair(op.accountId, u), op.serviceId)) link.unPartnerAccess(draft, op.serviceId, op.accountId, u);
    }
  },
  touches(s, op, touch) {
    for (const u of s.partnerUsers.get(op.accountId) ?? []) touch(u, op.accountId);
  },
};
