import { z } from 'zod';
import { Id } from '../../model';
import { link } from '../../access/state';
import { pair } from '../../access/layer';
import { ConflictError } from '../call';
import type { OpModule } from '../op';
import { readModifyWrite, readOrGone } from '../calls/readBack';
import { missing } from './common';

export const PartnerRemoveAccountFromService = z.strictObject({ op: z.literal('partner.removeAccountFromService'), serviceId: Id, accountId: Id });

type Service = { accountIds?: string[] } & Record<string, unknown>;

const without = (s: Service, accountId: string): Service => ({ ...s, accountIds: (s.accountIds ?? []).filter((a) => a !== accountId) });

const holdsOn = (s: Service | undefined, accountId: string): boolean => !(s?.accountIds ?? []).includes(accountId);

/**
 * R28: when an account leaves a service, the access that depended on it goes too. The call is an
 * UPDATE PartnerService without the account; that UPDATE replaces the whole accountIds list (no
 * ETag), so, as for group resources (../calls/resources.ts): GET right before, remove only this
 * account from that fresh list, write nothing when it is already gone, a service someone ended
 * (404) is a conflict, and a read-back that shows the account again (someone else's write of an
 * older list landed after ours) is a conflict rather than a silent undo. Key service, so two edits
 * of one service's list never interleave their read-modify-write inside one engine.
 */
export const partnerRemoveAccountFromService: OpModule<'partner.removeAccountFromService'> = {
  kind: 'partner.removeAccountFromService',
  schema: PartnerRemoveAccountFromService,
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
  calls: (op) => [{
    key: `SERVICE|${op.serviceId}`,
    label: `remove account ${op.accountId} from service ${op.serviceId}`,
    barrier: true,
    effect: op,
    async send(ctx, expect) {
      await readModifyWrite<Service>(ctx, expect, 'PartnerService', op.serviceId, {
        holds: (s) => holdsOn(s, op.accountId),
        // Only the list (the platform keeps fields left out): nothing else read here is written back.
        body: (s) => ({ '@type': 'PartnerService', id: op.serviceId, accountIds: without(s, op.accountId).accountIds }),
        undone: (after) => new ConflictError([{
          expectation: { type: 'PartnerService', id: op.serviceId, field: 'accountIds' },
          theirs: after.accountIds ?? [],
          note: `account ${op.accountId} was removed from the service, but reading it back shows it in the service again: someone else changed the service's accounts at the same time`,
        }]),
      });
    },
    check: async (ctx) => holdsOn((await readOrGone(ctx, 'PartnerService', op.serviceId)) as Service, op.accountId),
  }],
  expectations: (_s, op) => [{ type: 'PartnerService', id: op.serviceId }],
  describe: (op, n) => `Remove ${n.account(op.accountId)} from service “${n.service(op.serviceId)}”.`,
  inverse: (before, op) => ({
    ops: [],
    notes: before.serviceAccounts.has(op.serviceId, op.accountId)
      ? ['The account cannot be put back in the service through the API; its partner access went with it (R28).']
      : [],
  }),
};
