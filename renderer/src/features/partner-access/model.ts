import type { AccessState } from '../../../../shared/access';
import { pair } from '../../../../shared/access/layer';
import { userName } from '../../../../shared/access/reach';
import { opModule } from '../../../../shared/plans/registry';
import type { PlanOp } from '../../../../shared/plans/types';

/** Pure helpers of the Partner access area (R25–R29). */

export interface ServiceRow {
  id: string;
  name: string;
  partnerOrganisation: string;
  entity: string;
  accounts: number;
}

/** R29: each service with its partner organisation and number of accounts. */
export const serviceRows = (s: AccessState): ServiceRow[] =>
  s.services
    .keys()
    .map((id) => {
      const svc = s.services.get(id)!;
      return {
        id,
        name: svc.name,
        partnerOrganisation: svc.partnerOrganisation,
        entity: svc.entityId,
        accounts: s.serviceAccounts.get(id)?.size ?? 0,
      };
    })
    .sort((a, b) => a.partnerOrganisation.localeCompare(b.partnerOrganisation) || a.name.localeCompare(b.name));

export interface ServiceAccountRow {
  accountId: string;
  name: string;
  /** R29: the users assigned to this account through this service. */
  users: { userId: string; name: string }[];
}

export const serviceAccountRows = (s: AccessState, serviceId: string): ServiceAccountRow[] =>
  [...(s.serviceAccounts.get(serviceId) ?? [])]
    .map((accountId) => ({
      accountId,
      name: s.accounts.get(accountId)?.name ?? accountId,
      users: [...(s.partnerUsers.get(accountId) ?? [])]
        .filter((u) => s.partner.has(pair(accountId, u), serviceId))
        .map((u) => ({ userId: u, name: userName(s, u) }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

export type Mode = 'grant' | 'revoke';

export type Planned = { ok: true; ops: PlanOp[] } | { ok: false; reason: string };

/** R26 / R27: one op for every selected user on every selected account; refused in words (R25). */
export const planPartnerAccess = (s: AccessState, mode: Mode, serviceId: string, accountIds: string[], userIds: string[]): Planned => {
  if (!accountIds.length) return { ok: false, reason: 'Select at least one account of the service first.' };
  if (!userIds.length) return { ok: false, reason: 'Pick at least one user.' };
  const op = mode === 'grant'
    ? ({ op: 'partner.grant', serviceId, accountIds, userIds } as const)
    : ({ op: 'partner.revoke', serviceId, accountIds, userIds } as const);
  const mod = opModule(op);
  const reason = mod.refuse(s, op);
  if (reason) return { ok: false, reason };
  if (mod.unchanged(s, op)) return { ok: false, reason: mode === 'grant' ? 'They already have access to every selected account.' : 'None of them has access to the selected accounts.' };
  return { ok: true, ops: [op] };
};

const who = (mode: Mode, users: number, accounts: number): string =>
  `${users} user${users === 1 ? '' : 's'} ${mode === 'grant' ? 'to' : 'from'} ${accounts} account${accounts === 1 ? '' : 's'}`;

/** Shown once the platform has confirmed the change, as the vendor's console does. */
export const banner = (mode: Mode, users: number, accounts: number): string =>
  `${mode === 'grant' ? 'Access granted' : 'Access revoked'}: ${who(mode, users, accounts)}.`;

/** Shown while the change waits for the platform's answer. */
export const queuedBanner = (mode: Mode, users: number, accounts: number, online: boolean): string =>
  `Queued: ${mode === 'grant' ? 'grant' : 'revoke'} ${who(mode, users, accounts)}. ${online ? 'Sending it to the platform now.' : 'It will be sent to the platform when online.'}`;
