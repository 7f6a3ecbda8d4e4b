// The optimistic view (an access state) written back as a snapshot, for tests that compare a view
// with what the platform holds. Records the base already has keep their place and fields; links
// and groups the view added come after them.
import type { AccessState } from '../../../shared/access/state';
import type { Snapshot } from '../../../shared/model';
import { accountGroupAccountId, accountGroupUserRoleId, accountUserRoleId, keyOf, partnerAccountAccessId } from '../../../shared/model';

const split = (p: string): [string, string] => p.split('\n') as [string, string];

const merged = <R extends object>(type: keyof Snapshot, base: R[], now: R[]): R[] => {
  const keep = new Map(now.map((r) => [keyOf(type, r as Record<string, unknown>), r]));
  const out: R[] = [];
  for (const r of base) {
    const k = keyOf(type, r as Record<string, unknown>);
    if (!keep.has(k)) continue;
    out.push(r);
    keep.delete(k);
  }
  return [...out, ...keep.values()];
};

export const snapshotOf = (base: Snapshot, s: AccessState): Snapshot => {
  const aga = s.groupAccounts.keys().flatMap((g) => [...(s.groupAccounts.get(g) ?? [])].map((a) => ({
    '@type': 'AccountGroupAccount' as const, id: accountGroupAccountId(g, a), accountGroupId: g, accountId: a })));
  const agur = s.userGroupRoles.keys().flatMap((u) => [...(s.userGroupRoles.get(u) ?? new Map<string, ReadonlySet<string>>())].flatMap(([g, rs]) =>
    [...rs].map((r) => ({ '@type': 'AccountGroupUserRole' as const, id: accountGroupUserRoleId(g, u, r), accountGroupId: g, userId: u, roleId: r }))));
  const aur = s.aurRoles.keys().flatMap((p) => {
    const [a, u] = split(p);
    return [...(s.aurRoles.get(p) ?? [])].map((r) => ({ '@type': 'AccountUserRole' as const, id: accountUserRoleId(a, u, r), accountId: a, userId: u, roleId: r }));
  });
  const paa = s.partner.keys().flatMap((p) => {
    const [a, u] = split(p);
    return [...(s.partner.get(p) ?? [])].map((sv) => ({ '@type': 'PartnerAccountAccess' as const, id: partnerAccountAccessId(sv, a, u), serviceId: sv, accountId: a, userId: u }));
  });
  return {
    ...base,
    Account: base.Account.map((a) => s.accounts.get(a.accountId) ?? a),
    AccountGroup: merged('AccountGroup', base.AccountGroup, s.groups.keys().map((id) => s.groups.get(id)!)),
    Role: base.Role.filter((r) => s.roles.has(r.id)),
    PartnerService: base.PartnerService.map((p) => s.services.get(p.id) ?? p),
    AccountGroupAccount: merged('AccountGroupAccount', base.AccountGroupAccount, aga),
    AccountGroupUserRole: merged('AccountGroupUserRole', base.AccountGroupUserRole, agur),
    AccountUserRole: merged('AccountUserRole', base.AccountUserRole, aur),
    PartnerAccountAccess: merged('PartnerAccountAccess', base.PartnerAccountAccess, paa),
  } as Snapshot;
};
