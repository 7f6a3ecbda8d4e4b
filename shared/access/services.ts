import { pair } from './layer';
import type { AccessState } from './state';
import { userName } from './reach';

export interface ServiceRow {
  serviceId: string;
  name: string;
  partnerOrganisation: string;
  accounts: number;
}

export interface ServiceDetail extends ServiceRow {
  accountsDetail: { accountId: string; name: string; users: { userId: string; name: string }[] }[];
}

/** R29: every service with its partner organisation and number of accounts. */
export const partnerServices = (s: AccessState): ServiceRow[] =>
  s.services.keys().map((id) => {
    const svc = s.services.get(id)!;
    return { serviceId: id, name: svc.name, partnerOrganisation: svc.partnerOrganisation, accounts: s.serviceAccounts.get(id)?.size ?? 0 };
  }).sort((a, b) => a.name.localeCompare(b.name));

/**
 * R29: a service's accounts and the users assigned to each. Only access that counts is listed:
 * accounts still in the service (R28), users of the service's entity (R25).
 */
export const partnerServiceDetail = (s: AccessState, serviceId: string): ServiceDetail | null => {
  const svc = s.services.get(serviceId);
  if (!svc) return null;
  const accountsDetail = [...(s.serviceAccounts.get(serviceId) ?? [])].map((accountId) => ({
    accountId,
    name: s.accounts.get(accountId)?.name ?? accountId,
    users: [...(s.partnerUsers.get(accountId) ?? [])]
      .filter((u) => s.partner.has(pair(accountId, u), serviceId) && s.users.get(u)?.entityId === svc.entityId)
      .sort()
      .map((userId) => ({ userId, name: userName(s, userId) })),
  }));
  return { serviceId, name: svc.name, partnerOrganisation: svc.partnerOrganisation, accounts: accountsDetail.length, accountsDetail };
};
