import type { Call, OpCalls } from '../types';

type Service = { accountIds?: string[] } & Record<string, unknown>;

const without = (s: Service, accountId: string): Service => ({ ...s, accountIds: (s.accountIds ?? []).filter((a) => a !== accountId) });

/**
 * partner.removeAccountFromService: UPDATE PartnerService without the account (R28: the platform
 * removes the access that depended on it). Key service, so two edits of one service's list
 * never interleave their read-modify-write inside one engine.
 */
export const partnerRemoveAccountFromService: OpCalls<'partner.removeAccountFromService'> = {
  kind: 'partner.removeAccountFromService',
  calls: (op): Call[] => [
    {
      key: `SERVICE|${op.serviceId}`,
      label: `remove account ${op.accountId} from service ${op.serviceId}`,
      barrier: true,
      async send(ctx) {
        const s = (await ctx.api.get('PartnerService', op.serviceId)) as Service;
        await ctx.api.update('PartnerService', op.serviceId, without(s, op.accountId));
      },
      check: async (ctx) => !((await ctx.api.get('PartnerService', op.serviceId)) as Service).accountIds?.includes(op.accountId),
      holds: (w) => !((w.get('PartnerService', op.serviceId) as Service | undefined)?.accountIds ?? []).includes(op.accountId),
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
