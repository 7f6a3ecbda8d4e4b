import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/model';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { resolveConflict } from '../../../shared/sync/reconcile';
import { FakeApi } from './fakeApi';
import { A, G, push } from './helpers';

type Res = { objectType: string; resourceId: string };
const role = (id: string) => ({ objectType: 'Role' as const, resourceId: id, resourceName: id });
const resourcesOf = (api: FakeApi, id: string): string[] =>
  ((api.table('AccountGroup').get(id)!.Resources as { Resource?: Res[] } | undefined)?.Resource ?? []).map((r) => r.resourceId).sort();
const setResources = (api: FakeApi, id: string, ids: string[]) => {
  const g = api.table('AccountGroup').get(id)!;
  api.table('AccountGroup').set(id, { ...g, Resources: { '@type': 'Resources', Resource: ids.map((r) => ({ '@type': 'Resource', ...role(r) })) } });
};

/** A primary account with a partner service of three accounts (the example seed has none). */
const withService = (): Snapshot => {
  const s = exampleSnapshot();
  s.PartnerService.push({ '@type': 'PartnerService', id: 'svc-1', name: 'Svc', partnerOrganisation: 'Org', entityId: 'e1', accountIds: [A[0]!, A[1]!, A[2]!] } as never);
  return s;
};

describe('read-modify-write of a group\'s Resources list (R15, R20: never silently overwrite)', () => {
  it('merges only its delta into the list read right before the UPDATE: what another admin shared since my view was taken is kept', async () => {
    const api = new FakeApi(exampleSnapshot());
    const view = api.snapshot();
    setResources(api, G.services1, ['theirs']);
    const { ops } = await push(api, [{ op: 'group.shareResources', groupId: G.services1, resources: [role('mine')] }], { view });
    expect(ops[0]!.status).toBe('applied');
    expect(resourcesOf(api, G.services1)).toEqual(['mine', 'theirs']);
  });

  it('writes nothing when the fresh list already shows the change (no UPDATE, so no window to lose anyone\'s edit)', async () => {
    const api = new FakeApi(exampleSnapshot());
    setResources(api, G.services1, ['mine', 'theirs']);
    const view = exampleSnapshot();
    const { ops } = await push(api, [{ op: 'group.shareResources', groupId: G.services1, resources: [role('mine')] }], { view });
    expect(ops[0]!.status).toBe('applied');
    expect(api.commits).toEqual([]);
  });

  it('a group deleted by someone else is a conflict saying so, not a failure or a write', async () => {
    const api = new FakeApi(exampleSnapshot());
    const view = api.snapshot();
    api.table('AccountGroup').delete(G.services1);
    const { ops } = await push(api, [{ op: 'group.unshareResources', groupId: G.services1, resources: [role('x')] }], { view });
    expect(ops[0]).toMatchObject({ status: 'conflict', conflict: [{ expectation: { type: 'AccountGroup', id: G.services1 }, theirs: undefined }] });
    expect(ops[0]!.lastError).toMatch(/deleted by someone else/);
    expect(api.commits).toEqual([]);
  });

  it('a read-back that no longer shows my share (another admin wrote an older list right after me) is a conflict; keep mine re-merges and lands', async () => {
    const api = new FakeApi(exampleSnapshot());
    setResources(api, G.services1, ['theirs']);
    const update = api.update;
    let raced = false;
    api.update = async (type, id, body) => {
      const out = await update(type, id, body);
      if (!raced) {
        raced = true;
        setResources(api, G.services1, ['theirs', 'also-theirs']);
      }
      return out;
    };
    const { ops } = await push(api, [{ op: 'group.shareResources', groupId: G.services1, resources: [role('mine')] }]);
    expect(ops[0]).toMatchObject({ status: 'conflict', conflict: [{ expectation: { field: 'Resources', contains: 'mine' }, theirs: ['theirs', 'also-theirs'] }] });
    expect(ops[0]!.lastError).toMatch(/reading the group back shows it unshared/);
    const kept = resolveConflict(ops[0]!, 'keepMine', api.snapshot(), 1)!;
    const again = await push(api, [kept.args], { view: api.snapshot() });
    expect(again.ops[0]!.status).toBe('applied');
    expect(resourcesOf(api, G.services1)).toEqual(['also-theirs', 'mine', 'theirs']);
  });
});

describe('an UPDATE writes back only what the op changes (found by the fuzz: a share undid a rename made between its GET and UPDATE)', () => {
  /** Another admin's write lands right after our GET of `id`, before our UPDATE. */
  const afterFirstGet = (api: FakeApi, id: string, theirs: () => void) => {
    const get = api.get;
    let done = false;
    api.get = (async (type: never, gid: string) => {
      const out = await get(type, gid);
      if (!done && gid === id) {
        done = true;
        theirs();
      }
      return out;
    }) as FakeApi['get'];
  };

  it('R15: sharing a resource does not write back the name it read: a rename made meanwhile stays', async () => {
    const api = new FakeApi(exampleSnapshot());
    afterFirstGet(api, G.services1, () => void (api.table('AccountGroup').get(G.services1)!.name = 'Renamed meanwhile'));
    const { ops } = await push(api, [{ op: 'group.shareResources', groupId: G.services1, resources: [role('mine')] }]);
    expect(ops[0]!.status).toBe('applied');
    expect(api.table('AccountGroup').get(G.services1)).toMatchObject({ name: 'Renamed meanwhile' });
    expect(resourcesOf(api, G.services1)).toEqual(['mine']);
  });

  it('R10: setting the Support Access Role does not write back Advanced User Security it read: a change made meanwhile stays', async () => {
    const api = new FakeApi(exampleSnapshot());
    afterFirstGet(api, A[0]!, () => void (api.table('Account').get(A[0]!)!.advancedUserSecurity = false));
    const { ops } = await push(api, [{ op: 'account.setSupportAccessRole', accountId: A[0]!, roleId: BUILT_IN_ROLE_IDS.Support }]);
    expect(ops[0]!.status).toBe('applied');
    expect(api.table('Account').get(A[0]!)).toMatchObject({ advancedUserSecurity: false, supportAccessRoleId: BUILT_IN_ROLE_IDS.Support });
  });
});

describe('read-modify-write of a partner service\'s accounts (R28)', () => {
  it('removes only this account from the fresh list: another admin\'s removal of a second account is not undone', async () => {
    const api = new FakeApi(withService());
    const view = api.snapshot();
    const s = api.table('PartnerService').get('svc-1')!;
    api.table('PartnerService').set('svc-1', { ...s, accountIds: [A[0]!, A[2]!] });
    const { ops } = await push(api, [{ op: 'partner.removeAccountFromService', serviceId: 'svc-1', accountId: A[0]! }], { view });
    expect(ops[0]!.status).toBe('applied');
    expect(api.table('PartnerService').get('svc-1')!.accountIds).toEqual([A[2]]);
  });

  it('a service someone ended is a conflict; a read-back showing the account again is a conflict, not applied', async () => {
    const gone = new FakeApi(withService());
    const view = gone.snapshot();
    gone.table('PartnerService').delete('svc-1');
    const ended = await push(gone, [{ op: 'partner.removeAccountFromService', serviceId: 'svc-1', accountId: A[0]! }], { view });
    expect(ended.ops[0]!.lastError).toMatch(/service svc-1 was deleted by someone else/);

    const api = new FakeApi(withService());
    const update = api.update;
    api.update = async (type, id, body) => {
      const out = await update(type, id, body);
      api.table('PartnerService').set('svc-1', { ...api.table('PartnerService').get('svc-1')!, accountIds: [A[0]!, A[1]!, A[2]!] });
      return out;
    };
    const { ops } = await push(api, [{ op: 'partner.removeAccountFromService', serviceId: 'svc-1', accountId: A[0]! }]);
    expect(ops[0]).toMatchObject({ status: 'conflict', conflict: [{ theirs: [A[0], A[1], A[2]] }] });
  });
});
