import { describe, expect, it } from 'vitest';
import { handleCall } from '../../../electron/main/ipc';
import { silentLog } from '../../../electron/main/services';
import type { Handlers } from '../../../shared/ipc';
import type { PlanOp } from '../../../shared/plans/types';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { toOutboxOps } from '../../../shared/sync/outbox';
import type { OutboxOp } from '../../../shared/sync/types';
import { A, G, PRIMARY, U } from '../sync/helpers';

/**
 * The ops of a sync.push are checked as strictly as a plan file: a key the op's schema does not
 * know is refused by name instead of being dropped and the rest sent (the admin would see an op
 * applied that is not the one asked for).
 */

const RENDERER = 'file:///opt/roster/out/renderer/index.html';
const STD = BUILT_IN_ROLE_IDS['Standard User'];

const pushHandlers = () => {
  const pushed: OutboxOp[][] = [];
  const idle = { done: 0, total: 0, rate: 0, etaMs: null, paused: false, running: 0 };
  const refuse = async (): Promise<never> => {
    throw new Error('not under test');
  };
  const handlers: Handlers = {
    'connection.get': refuse, 'connection.set': refuse, 'platform.pull': refuse, 'sync.control': refuse, 'sync.status': refuse, 'sync.withdraw': refuse,
    'sync.push': async (i) => (pushed.push(i.ops), idle),
  };
  return { handlers, pushed };
};

const pushCall = (h: Handlers, ops: unknown[]) => handleCall(h, RENDERER, silentLog, `${RENDERER}#/sync`, 'sync.push', { ops });

const outboxOp = (args: unknown, extra: Record<string, unknown> = {}) => ({
  id: 'p:0', planId: 'p', seq: 1, round: 0, args, precondition: { expect: [] }, status: 'pending', attempts: 0, createdAt: 1, updatedAt: 1, ...extra,
});

/** Every op kind with every optional key the renderer fills in (notifyUser, newUsers, names read from the view). */
const EVERY_KIND: PlanOp[] = [
  { op: 'group.create', name: 'Services 9', accountId: PRIMARY },
  { op: 'group.rename', groupId: G.services1, name: 'Services One', fromName: 'Services 1' },
  { op: 'group.addAccounts', groupId: G.services1, accountIds: [A[0]!] },
  { op: 'group.removeAccounts', groupId: G.services1, accountIds: [A[0]!] },
  { op: 'group.addUserRoles', groupId: G.services1, userIds: [U[0]], roleIds: [STD], notifyUser: false, userNames: { [U[0]]: 'Someone' } },
  { op: 'group.removeUserRoles', groupId: G.services1, userIds: [U[0]], roleIds: [STD] },
  { op: 'group.shareResources', groupId: G.services1, resources: [{ objectType: 'Role', resourceId: 'r1', resourceName: 'Onboarding' }] },
  { op: 'group.unshareResources', groupId: G.services1, resources: [{ objectType: 'Role', resourceId: 'r1', resourceName: 'Onboarding' }] },
  { op: 'account.addUserRoles', accountId: A[0]!, userIds: ['new@x.example'], roleIds: [STD], notifyUser: true, newUsers: ['new@x.example'] },
  { op: 'account.removeUserRoles', accountId: A[0]!, userIds: [U[0]], roleIds: [STD] },
  { op: 'account.setSupportAccessRole', accountId: A[0]!, roleId: null },
  { op: 'account.setAdvancedUserSecurity', accountId: A[0]!, enabled: true },
  { op: 'role.delete', roleId: 'r1' },
  { op: 'partner.grant', serviceId: 's', accountIds: [A[0]!], userIds: [U[0]] },
  { op: 'partner.revoke', serviceId: 's', accountIds: [A[0]!], userIds: [U[0]] },
  { op: 'partner.removeAccountFromService', serviceId: 's', accountId: A[0]! },
];

describe('IPC: a pushed op with a key its schema does not know is refused, naming the key', () => {
  it.each(EVERY_KIND.map((op) => [op.op, op] as const))('%s: every key the renderer sends passes', async (_kind, op) => {
    const { handlers, pushed } = pushHandlers();
    expect(await pushCall(handlers, [outboxOp(op)])).toMatchObject({ ok: true });
    expect(pushed[0]![0]!.args).toEqual(op);
  });

  it.each(EVERY_KIND.map((op) => [op.op, op] as const))('%s with an extra key: bad-input naming it, nothing queued', async (_kind, op) => {
    const { handlers, pushed } = pushHandlers();
    const r = await pushCall(handlers, [outboxOp({ ...op, bogus: 1 })]);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(!r.ok && r.error.message).toContain('ops.0.args: Unrecognized key: "bogus"');
    expect(pushed).toEqual([]);
  });

  it('an extra key inside a resource, or in an op of the inverse, is refused too', async () => {
    const { handlers, pushed } = pushHandlers();
    const share = { op: 'group.shareResources', groupId: G.services1, resources: [{ objectType: 'Role', resourceId: 'r1', colour: 'red' }] };
    const inDeep = await pushCall(handlers, [outboxOp(share)]);
    expect(!inDeep.ok && inDeep.error.message).toContain('ops.0.args.resources.0: Unrecognized key: "colour"');
    const inverse = { ops: [{ op: 'role.delete', roleId: 'r1', force: true }], notes: [] };
    const inUndo = await pushCall(handlers, [outboxOp({ op: 'role.delete', roleId: 'r2' }, { inverse })]);
    expect(!inUndo.ok && inUndo.error.message).toContain('ops.0.inverse.ops.0: Unrecognized key: "force"');
    expect(pushed).toEqual([]);
  });

  it('a group name the platform would refuse (NUL, a lone surrogate) is refused at the boundary, not sent for a 400', async () => {
    const { handlers, pushed } = pushHandlers();
    const nul = await pushCall(handlers, [outboxOp({ op: 'group.create', name: 'a\u0000b' })]);
    expect(!nul.ok && nul.error.message).toContain('ops.0.args.name: contains a NUL character, which the platform refuses');
    const lone = await pushCall(handlers, [outboxOp({ op: 'group.rename', groupId: G.services1, name: 'a\udc00b' })]);
    expect(!lone.ok && lone.error.message).toContain('ops.0.args.name: contains a lone UTF-16 surrogate, which the platform refuses');
    expect(pushed).toEqual([]);
  });

  it('what the renderer queues (annotated by the view, with its precondition and inverse) passes as it is', async () => {
    const plan: PlanOp[] = [
      { op: 'group.create', name: 'Services 9', accountId: PRIMARY },
      { op: 'group.addUserRoles', groupId: 'new:Services 9', userIds: [U[0]], roleIds: [STD], notifyUser: false },
      { op: 'group.rename', groupId: G.services1, name: 'Services One' },
      { op: 'group.addAccounts', groupId: G.services1, accountIds: [A[2]!] },
    ];
    const queued = toOutboxOps('plan', plan, exampleSnapshot(), 5, 3, { inverse: true });
    expect(queued[2]!.args).toMatchObject({ fromName: expect.any(String) });
    const { handlers, pushed } = pushHandlers();
    expect(await pushCall(handlers, queued)).toMatchObject({ ok: true });
    expect(pushed[0]).toEqual(queued);
  });
});
