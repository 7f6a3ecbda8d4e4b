import { describe, expect, it } from 'vitest';
import type { PlanOp } from '../../../shared/plans/types';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { buildState, forkState } from '../../../shared/access/state';
import { holdsIn } from '../../../shared/plans/apply';
import { callsOf, opModule } from '../../../shared/plans/registry';
import { FakeApi } from './fakeApi';
import { A, G, PRIMARY, U } from './helpers';
import type { CallContext } from '../../../shared/sync/types';

const STD = BUILT_IN_ROLE_IDS['Standard User'];
const SUP = BUILT_IN_ROLE_IDS.Support;

const ctxFor = (api: FakeApi): CallContext => ({
  api, accountId: PRIMARY,
  resolve: {
    group: async (id) => (id.startsWith('new:') ? [...api.table('AccountGroup').values()].find((g) => g.name === id.slice(4))!.id as string : id),
    learn: () => {},
  },
});

/** One op of every kind, with the natural keys its calls must carry. */
const CASES: { op: PlanOp; keys: string[] }[] = [
  { op: { op: 'group.create', name: 'Services 3' }, keys: ['GROUP|Services 3'] },
  { op: { op: 'group.rename', groupId: G.services1, name: 'Services North' }, keys: [`GROUPNAME|${G.services1}`] },
  { op: { op: 'group.addAccounts', groupId: G.services1, accountIds: [A[2]!, A[3]!, A[2]!] }, keys: [`AGA|${G.services1}|${A[2]}`, `AGA|${G.services1}|${A[3]}`] },
  { op: { op: 'group.removeAccounts', groupId: G.services1, accountIds: [A[0]!] }, keys: [`AGA|${G.services1}|${A[0]}`] },
  { op: { op: 'group.addUserRoles', groupId: G.services2, userIds: [U[0], U[1]], roleIds: [STD, SUP] }, keys: [`AGUR|${G.services2}|${U[0]}|${STD}`, `AGUR|${G.services2}|${U[0]}|${SUP}`, `AGUR|${G.services2}|${U[1]}|${STD}`, `AGUR|${G.services2}|${U[1]}|${SUP}`] },
  { op: { op: 'group.removeUserRoles', groupId: G.services1, userIds: [U[0]], roleIds: [STD] }, keys: [`AGUR|${G.services1}|${U[0]}|${STD}`] },
  { op: { op: 'group.shareResources', groupId: G.services1, resources: [{ objectType: 'Role', resourceId: STD }] }, keys: [`RES|${G.services1}`] },
  { op: { op: 'group.unshareResources', groupId: G.services1, resources: [{ objectType: 'Role', resourceId: STD }] }, keys: [`RES|${G.services1}`] },
  { op: { op: 'account.addUserRoles', accountId: A[0]!, userIds: [U[2]], roleIds: [STD] }, keys: [`AUR|${A[0]}|${U[2]}|${STD}`] },
  { op: { op: 'account.removeUserRoles', accountId: A[0]!, userIds: [U[2]], roleIds: [STD] }, keys: [`AUR|${A[0]}|${U[2]}|${STD}`] },
  { op: { op: 'account.setSupportAccessRole', accountId: A[0]!, roleId: SUP }, keys: [`Account.supportAccessRoleId|${A[0]}`] },
  { op: { op: 'account.setAdvancedUserSecurity', accountId: A[0]!, enabled: false }, keys: [`Account.advancedUserSecurity|${A[0]}`] },
  { op: { op: 'role.delete', roleId: BUILT_IN_ROLE_IDS['Browse Only'] }, keys: [`ROLE|${BUILT_IN_ROLE_IDS['Browse Only']}`] },
  { op: { op: 'partner.grant', serviceId: 'svc-1', accountIds: [A[0]!], userIds: [U[0], U[1]] }, keys: [`PAA|svc-1|${A[0]}|${U[0]}`, `PAA|svc-1|${A[0]}|${U[1]}`] },
  { op: { op: 'partner.revoke', serviceId: 'svc-1', accountIds: [A[0]!], userIds: [U[0]] }, keys: [`PAA|svc-1|${A[0]}|${U[0]}`] },
  { op: { op: 'partner.removeAccountFromService', serviceId: 'svc-1', accountId: A[0]! }, keys: ['SERVICE|svc-1'] },
];

const withService = () => {
  const s = exampleSnapshot();
  s.PartnerService.push({ '@type': 'PartnerService', id: 'svc-1', name: 'Svc', partnerOrganisation: 'Org', entityId: 'entity-documentation', accountIds: [A[0]!, A[1]!] });
  return s;
};

describe('calls per op kind (natural keys, effect, idempotency check)', () => {
  it('covers every PlanOp kind', () => {
    expect(new Set(CASES.map((c) => c.op.op)).size).toBe(16);
  });

  for (const { op, keys } of CASES) {
    it(`${op.op}: one call per link with its natural key; sent, its effect holds and the check agrees`, async () => {
      const calls = callsOf(op);
      expect(calls.map((c) => c.key)).toEqual(keys);
      const api = new FakeApi(withService());
      const ctx = ctxFor(api);
      for (const c of calls) if (!(await c.check(ctx))) await c.send(ctx, []);
      for (const c of calls) expect(await c.check(ctx)).toBe(true);
      // The call's effect through the op module's perform is the same as the platform's.
      const view = forkState(buildState(withService()));
      for (const c of calls) opModule(c.effect).perform(view, c.effect);
      const after = buildState(api.snapshot());
      for (const c of calls) {
        expect(holdsIn(view, c.effect)).toBe(true);
        expect(holdsIn(after, c.effect)).toBe(true);
      }
    });
  }

  it('R7: group.addUserRoles on a provisional group waits for it by name (needs new:<name>)', () => {
    const [c] = callsOf({ op: 'group.addUserRoles', groupId: 'new:Services 3', userIds: [U[0]], roleIds: [STD] });
    expect(c!.needs).toBe('new:Services 3');
    const view = forkState(buildState(exampleSnapshot()));
    for (const x of callsOf({ op: 'group.create', name: 'Services 3' })) opModule(x.effect).perform(view, x.effect);
    opModule(c!.effect).perform(view, c!.effect);
    expect(view.userGroupRoles.has(U[0], 'new:Services 3', STD)).toBe(true);
  });

  it('a removal whose link is already gone holds without a call', () => {
    const [c] = callsOf({ op: 'group.removeAccounts', groupId: G.services1, accountIds: [A[3]!] });
    expect(holdsIn(buildState(exampleSnapshot()), c!.effect)).toBe(true);
  });

  it('R10: clearing the Support Access Role (null) removes the field', async () => {
    const s = exampleSnapshot();
    s.Account[1]!.supportAccessRoleId = SUP;
    const api = new FakeApi(s);
    const [c] = callsOf({ op: 'account.setSupportAccessRole', accountId: A[0]!, roleId: null });
    await c!.send(ctxFor(api), []);
    expect(api.table('Account').get(A[0]!)!.supportAccessRoleId).toBeUndefined();
    expect(await c!.check(ctxFor(api))).toBe(true);
  });
});
