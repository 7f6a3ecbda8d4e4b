// The fuzz's edits of shared lists (read-modify-write): 2–3 admins share and unshare
// custom roles on the same two groups, and grant, revoke and remove accounts of one partner
// service, while the platform fails ~20% of requests.
import type { Snapshot } from '../../shared/model';
import type { PlanOp } from '../../shared/plans/types';
import { BUILT_IN_ROLE_IDS } from '../../shared/seeds/builtInRoles';
import { EXAMPLE } from '../../shared/seeds/example';
import type { SyncApi } from '../../shared/api/sync';

/** The groups every admin edits the Resources of: the example's two, so edits collide. */
export const HOT_GROUPS: readonly string[] = [EXAMPLE.groups.services1, EXAMPLE.groups.services2];
export const FUZZ_ROLES = ['Fuzz Role A', 'Fuzz Role B', 'Fuzz Role C', 'Fuzz Role D'];
export const FUZZ_SERVICE = 'Fuzz Service';

const BUILT_IN = new Set<string>(Object.values(BUILT_IN_ROLE_IDS));
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

type Res = { objectType: string; resourceId: string };
const sharedOn = (view: Snapshot, groupId: string): Res[] =>
  (view.AccountGroup.find((g) => g.id === groupId)?.Resources?.Resource ?? []) as Res[];

/** A share/unshare on a hot group, or a partner grant/revoke/removal; null when there is nothing to pick. */
export const sharedOp = (rnd: () => number, view: Snapshot): PlanOp | null => {
  const roles = view.Role.filter((r) => !BUILT_IN.has(r.id) && FUZZ_ROLES.includes(r.name));
  const svc = view.PartnerService.find((s) => s.name === FUZZ_SERVICE);
  const x = rnd();
  if (x < 0.6 && roles.length) {
    const groupId = pick(rnd, HOT_GROUPS);
    const on = sharedOn(view, groupId).filter((r) => r.objectType === 'Role');
    if (on.length && rnd() < 0.45) return { op: 'group.unshareResources', groupId, resources: [{ objectType: 'Role', resourceId: pick(rnd, on).resourceId }] };
    const r = pick(rnd, roles);
    return { op: 'group.shareResources', groupId, resources: [{ objectType: 'Role', resourceId: r.id, resourceName: r.name }] };
  }
  if (!svc || !svc.accountIds.length) return null;
  const users = view.User.filter((u) => u.entityId === svc.entityId).map((u) => u.userId);
  const account = pick(rnd, svc.accountIds);
  if (x < 0.97 || svc.accountIds.length < 3) {
    const op = rnd() < 0.6 ? 'partner.grant' : 'partner.revoke';
    return { op, serviceId: svc.id, accountIds: [account], userIds: [pick(rnd, users)] };
  }
  return { op: 'partner.removeAccountFromService', serviceId: svc.id, accountId: account };
};

/** QUERY leaves Resources out (as the vendor's does): read the hot groups' lists with a GET each. */
export const withHotResources = async (api: SyncApi, s: Snapshot): Promise<Snapshot> => {
  const got = new Map<string, Snapshot['AccountGroup'][number]>();
  for (const id of HOT_GROUPS) got.set(id, (await api.get('AccountGroup', id)) as Snapshot['AccountGroup'][number]);
  return { ...s, AccountGroup: s.AccountGroup.map((g) => got.get(g.id) ?? g) };
};

/** What the fuzz needs on a platform besides the example seed: custom roles to share (R15) and a partner service (R25). */
export const fuzzExtras = (primary: string, accounts: string[]) => ({
  roles: FUZZ_ROLES.map((name) => ({ '@type': 'Role', accountId: primary, name, Privileges: { '@type': 'Privileges', Privilege: [] } })),
  service: { '@type': 'PartnerService', name: FUZZ_SERVICE, partnerOrganisation: 'Fuzz Partners', entityId: EXAMPLE.entity.id, accountIds: accounts },
});
