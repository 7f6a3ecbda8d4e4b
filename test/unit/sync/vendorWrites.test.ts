import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../../shared/api';
import type { SyncApi } from '../../../shared/api/sync';
import { EXAMPLE } from '../../../shared/seeds/example';
import { DEMO } from '../../../shared/seeds/demo';
import { callsOf, resolvePlanFile, type CallContext } from '../../../shared/plans';
import { findGroupByName } from '../../../shared/plans/ops/group.create';
import { realClock, seededRandom } from '../../../shared/sync/clock';
import { applyPlanFile, readState } from '../../../shared/sync/headless';
import { vendorChecker } from './vendorCheck';
import { startTestPlatform, type TestPlatform } from '../platform/helpers';

// The writes vendorApi.test.ts leaves out, against `--profile vendor`, each request checked as it
// leaves against the vendor's full OpenAPI: group create and rename (R3), resource share and
// unshare by read-modify-write of the group's Resources (R15, R22–R24: a role, a cloud, an
// integration pack), role delete (R14, R21), each op's check by natural key, and the ops this
// platform cannot carry (Account UPDATE, partner services), refused before anything is sent.
let p: TestPlatform;
const { sent, violations, fetch: checked } = vendorChecker();

const client = () => createPlatformClient({ baseUrl: p.url, user: p.user, token: p.token, fetch: checked, timeoutMs: 30_000 });
const apply = async (plan: unknown) => {
  const api = client();
  const state = await readState(api, plan, p.accountId);
  return applyPlanFile({ api, accountId: p.accountId, clock: realClock, random: seededRandom(1), planJson: plan, state: state.snapshot, absent: state.absent });
};
let planned: Awaited<ReturnType<typeof readState>> | undefined;
const statuses = (r: Awaited<ReturnType<typeof apply>>) =>
  [...r.lines].sort((a, b) => a.index - b.index).map((l) => `${l.op}:${l.status}${l.error ? ` ${l.error}` : ''}`);
const writes = (from: number) => sent.slice(from).filter((x) => !/\/(query|queryMore|bulk)$/.test(x) && !x.startsWith('GET '));

beforeAll(async () => {
  p = await startTestPlatform({ seed: 'demo', profile: 'vendor' });
});
afterAll(async () => p?.stop());

const [ABC] = [EXAMPLE.accounts[0].accountId];
const resources = [
  { objectType: 'Role', resourceId: DEMO.roles.deployer },
  { objectType: 'Cloud', resourceId: DEMO.cloud },
  { objectType: 'Integration Pack', resourceId: DEMO.pack },
];
const plan = { plan: [
  { op: 'group.create', name: 'Regional East' },
  { op: 'group.shareResources', group: 'Regional East', resources },
  { op: 'group.unshareResources', group: 'Services 1', resources: [resources[1]] },
  { op: 'group.rename', group: 'Services 2', name: 'Services West' },
  // Its id and name both, so that applying the plan again can tell "already deleted" from a typo.
  { op: 'role.delete', role: DEMO.roles.onboarding, name: 'Onboarding Lead' },
] };

describe('every write Roster can send is one the vendor\'s full OpenAPI allows', () => {
  it('group create, share, unshare, rename and role delete apply with no request the spec rejects; again, nothing changes', async () => {
    const before = sent.length;
    planned = await readState(client(), plan, p.accountId);
    expect(statuses(await apply(plan))).toEqual([
      'group.create:applied', 'group.shareResources:applied', 'group.unshareResources:applied', 'group.rename:applied', 'role.delete:applied',
    ]);
    const { snapshot } = await readState(client(), { plan: [{ op: 'group.shareResources', group: 'x', resources }] }, p.accountId);
    const east = snapshot.AccountGroup.find((g) => g.name === 'Regional East')!;
    // The create, the share's UPDATE of the new group's Resources, the unshare's of Services 1's, the rename, the delete.
    expect(writes(before).sort()).toEqual([
      'POST /AccountGroup', `POST /AccountGroup/${east.id}`, `POST /AccountGroup/${EXAMPLE.groups.services1}`,
      `POST /AccountGroup/${EXAMPLE.groups.services2}`, `DELETE /Role/${DEMO.roles.onboarding}`,
    ].sort());
    expect(east.Resources?.Resource?.map((r) => `${r.objectType} ${r.resourceName}`).sort()).toEqual(['Cloud Documentation Atom Cloud', 'Integration Pack Customer Onboarding Pack', 'Role Deployer']);
    expect(snapshot.AccountGroup.find((g) => g.id === EXAMPLE.groups.services1)?.Resources?.Resource?.some((r) => r.objectType === 'Cloud')).toBe(false);
    expect(snapshot.AccountGroup.find((g) => g.id === EXAMPLE.groups.services2)?.name).toBe('Services West');
    expect(snapshot.Role.some((r) => r.id === DEMO.roles.onboarding)).toBe(false);

    const again = sent.length;
    // The whole plan again, the role delete included: the role is gone (no role has its id or its
    // name), so that op is done, not an "unknown role"; the rename is named by its new name.
    const second = await apply({ plan: plan.plan.map((op) => (op.op === 'group.rename' ? { ...op, group: 'Services West' } : op)) });
    expect(statuses(second)).toEqual([
      'group.create:unchanged', 'group.shareResources:unchanged', 'group.unshareResources:unchanged', 'group.rename:unchanged', 'role.delete:unchanged',
    ]);
    expect(writes(again)).toEqual([]);
    expect(violations).toEqual([]);
  });

  it("each op's check by natural key (after an unknown outcome) reads the vendor's way: group by name, group by GET, role by GET", async () => {
    const api = client() as unknown as SyncApi;
    const ctx: CallContext = {
      api, accountId: p.accountId,
      resolve: { group: async (g) => (g.startsWith('new:') ? (await findGroupByName(ctx, g.slice(4)))! : g), learn: () => undefined },
    };
    // The ops as planned before they were applied; the rename's check is a GET of the group, like the share's.
    const r = resolvePlanFile(planned!.snapshot, { plan: plan.plan.filter((op) => op.op !== 'group.rename') });
    expect(r.ok).toBe(true);
    const before = sent.length;
    const held: boolean[] = [];
    for (const op of r.ok ? r.ops : []) for (const c of callsOf(op)) held.push(await c.check(ctx));
    expect(held).toEqual([true, true, true, true]);
    expect(writes(before)).toEqual([]);
    expect(sent.slice(before)).toEqual(expect.arrayContaining(['POST /AccountGroup/query', `GET /Role/${DEMO.roles.onboarding}`, expect.stringMatching(/^GET \/AccountGroup\/[^/]+$/)]));
    expect(violations).toEqual([]);
  });

  it('Account UPDATEs and partner ops are refused before sending, with the missing capability in a sentence', async () => {
    const before = sent.length;
    const refusedFirst = await apply({ plan: [
      { op: 'account.setAdvancedUserSecurity', account: ABC, enabled: false },
      { op: 'account.setSupportAccessRole', account: ABC, role: null },
      { op: 'partner.revoke', service: DEMO.service, accounts: [DEMO.partnerAccounts[0].accountId], users: [DEMO.partnerUser] },
      { op: 'partner.removeAccountFromService', service: DEMO.service, account: DEMO.partnerAccounts[0].accountId },
    ] });
    expect([...refusedFirst.lines].sort((a, b) => a.index - b.index).map((l) => [l.status, l.attempts, l.error])).toEqual([
      ['failed', 0, expect.stringMatching(/^This platform's API does not offer setting an account's Advanced User Security/)],
      ['failed', 0, expect.stringMatching(/^This platform's API does not offer setting an account's Support Access Role/)],
      ['failed', 0, "This platform's API does not offer partner services"],
      ['failed', 0, "This platform's API does not offer partner services"],
    ]);
    expect(writes(before)).toEqual([]);
    expect(violations).toEqual([]);
  });

});
