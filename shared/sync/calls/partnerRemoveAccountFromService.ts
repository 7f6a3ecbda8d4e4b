import type { Call, OpCalls } from '../types';
import { ConflictError } from '../types';
import { readModifyWrite, readOrGone } from './readBack';

type Service = { accountIds?: string[] } & Record<string, unknown>;

const without = (s: Service, accountId: string): Service => ({ ...s, accountIds: (s.accountIds ?? []).filter((a) => a !== accountId) });

const holdsOn = (s: Service | undefined, accountId: string): boolean => !(s?.accountIds ?? []).includes(accountId);

/**
 * partner.removeAccountFromService: UPDATE PartnerService without the account (R28: the platform
 * removes the access that depended on it). The UPDATE replaces the whole accountIds list (no
 * ETag), so, as for group resources (resources.ts): GET right before, remove only this account
 * from that fresh list, write nothing when it is already gone, a service someone ended (404) is a
 * conflict, and a read-back that shows the account again (someone else's write of an older list
 * landed after ours) is a conflict rather than a silent undo. The residual GET→UPDATE window is
 * the same as for resources. Key service, so two edits of one service's list never interleave
 * their read-modify-write inside one engine.
 */
export const partnerRemoveAccountFromService: OpCalls<'partner.removeAccountFromService'> = {
  kind: 'partner.removeAccountFromService',
  calls: (op): Call[] => [
    {
      key: `SERVICE|${op.serviceId}`,
      label: `remove account ${op.accountId} from service ${op.serviceId}`,
      barrier: true,
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
      holds: (w) => holdsOn(w.get('PartnerService', op.serviceId) as Service | undefined, op.accountId),
      apply(w) {
        w.update('PartnerService', op.serviceId, (s) => without(s as Service, op.accountId));
        for (const r of w.all('PartnerAccountAccess')) {
          if (r.serviceId === op.serviceId && r.accountId === op.accountId) w.delete('PartnerAccountAccess', `${op.serviceId}|${op.accountId}|${String(r.userId)}`);
        }
      },
    },
  ],
  expectations: (op) => [{ type: 'PartnerService', id: op.serviceId }],
};
