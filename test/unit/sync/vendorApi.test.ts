import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../../shared/api';
import { EXAMPLE } from '../../../shared/seeds/example';
import { realClock, seededRandom } from '../../../shared/sync/clock';
import { applyPlanFile, readState } from '../../../shared/sync/headless';
import { exportSnapshot } from '../../../shared/sync/pull';
import { vendorChecker } from './vendorCheck';
import { buildState, explain, SUPPORT_ACCESS_NOT_SETTABLE } from '../../../shared/access';
import { startTestPlatform, type TestPlatform } from '../platform/helpers';
import { rosterInProcess } from '../cli/spawn';

// Roster against `--profile vendor`: export, apply (adds, removes, removes again) and the sync
// engine under it, with every request checked against the vendor's full OpenAPI as it leaves (vendorCheck.ts).
let p: TestPlatform;
const { sent, violations, fetch: checked } = vendorChecker();

const client = () => createPlatformClient({ baseUrl: p.url, user: p.user, token: p.token, fetch: checked, timeoutMs: 30_000 });
const apply = async (plan: unknown) => {
  const api = client();
  const state = await readState(api, plan, p.accountId);
  return applyPlanFile({ api, accountId: p.accountId, clock: realClock, random: seededRandom(1), planJson: plan, state: state.snapshot, absent: state.absent });
};

beforeAll(async () => {
  p = await startTestPlatform({ seed: 'example', profile: 'vendor' });
});
afterAll(async () => p?.stop());

const [ABC, DEF] = [EXAMPLE.accounts[0].accountId, EXAMPLE.accounts[1].accountId];
const U4 = EXAMPLE.users[3];

describe('Roster against the vendor profile sends only requests the full spec allows', () => {
  it('export: every type the vendor offers, the extensions listed as skipped, SSO by bulk GET', async () => {
    const { snapshot, skipped } = await exportSnapshot(client());
    expect(snapshot.Account.map((a) => a.accountId)).toContain(ABC);
    expect(snapshot.AccountGroupAccount.length).toBeGreaterThan(0);
    expect(skipped.map((s) => s.type).sort()).toEqual(['Entity', 'PartnerAccountAccess', 'PartnerService', 'PublishedResource', 'User']);
    expect(sent).not.toContain('POST /AccountSSOConfig/query');
    expect(sent).toContain('POST /AccountSSOConfig/bulk');
    expect(violations).toEqual([]);
  });

  it('apply: adds, then removes by the ids the API returned, then the same removes again change nothing', async () => {
    const adds = { plan: [
      { op: 'group.addAccounts', group: 'Services 2', accounts: [ABC] },
      { op: 'group.addUserRoles', group: 'Services 2', users: [U4], roles: ['Support'] },
      { op: 'account.addUserRoles', account: DEF, users: [U4], roles: ['Browse Only'] },
    ] };
    const added = await apply(adds);
    expect([...added.lines].sort((a, b) => a.index - b.index).map((l) => `${l.status}${l.error ? ` ${l.error}` : ''}`)).toEqual(['applied', 'applied', 'applied']);
    const removes = { plan: [
      { op: 'group.removeAccounts', group: 'Services 2', accounts: [ABC] },
      { op: 'group.removeUserRoles', group: 'Services 2', users: [U4], roles: ['Support'] },
      { op: 'account.removeUserRoles', account: DEF, users: [U4], roles: ['Browse Only'] },
    ] };
    const removed = await apply(removes);
    expect([...removed.lines].sort((a, b) => a.index - b.index).map((l) => `${l.op}:${l.status}${l.error ? ` ${l.error}` : ''}`)).toEqual([
      'group.removeAccounts:applied', 'group.removeUserRoles:applied', 'account.removeUserRoles:applied',
    ]);
    const again = await apply(removes);
    expect(again.lines.map((l) => l.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const after = await exportSnapshot(client(), { types: ['AccountGroupAccount', 'AccountUserRole'], groupResources: false });
    expect(after.snapshot.AccountGroupAccount.some((l) => l.accountGroupId === EXAMPLE.groups.services2 && l.accountId === ABC)).toBe(false);
    expect(after.snapshot.AccountUserRole.some((l) => l.accountId === DEF && l.userId === U4)).toBe(false);
    // notifyUser is always explicit: a bulk add e-mails nobody by the vendor's default.
    expect(violations).toEqual([]);
  });

  it('notifyUser: the flag the plan carries reaches the platform (absent: no e-mail; true: one per user added)', async () => {
    const before = p.notifications!().length;
    const quiet = await apply({ plan: [{ op: 'group.addUserRoles', group: 'Services 1', users: [U4], roles: ['Browse Only'] }] });
    expect(quiet.lines.map((l) => l.status)).toEqual(['applied']);
    expect(p.notifications!().length).toBe(before);
    const loud = await apply({ plan: [{ op: 'account.addUserRoles', account: ABC, users: [U4, EXAMPLE.users[0]], roles: ['Browse Only'], notifyUser: true }] });
    expect(loud.lines.map((l) => l.status)).toEqual(['applied']);
    expect(p.notifications!().slice(before).map((n) => `${n.type} ${n.userId}`).sort()).toEqual([`AccountUserRole ${EXAMPLE.users[0]}`, `AccountUserRole ${U4}`]);
    await apply({ plan: [
      { op: 'group.removeUserRoles', group: 'Services 1', users: [U4], roles: ['Browse Only'] },
      { op: 'account.removeUserRoles', account: ABC, users: [U4, EXAMPLE.users[0]], roles: ['Browse Only'] },
    ] });
    expect(violations).toEqual([]);
  });

  it('an unknown user id is refused before any request (a typo must not create a user); newUsers confirms one', async () => {
    const before = sent.length;
    const plan = { plan: [{ op: 'account.addUserRoles', account: ABC, users: ['servuser9@boomi.com'], roles: ['Browse Only'] }] };
    await expect(apply(plan)).rejects.toThrow(/unknown user "servuser9@boomi.com": Roster has never seen this user id/);
    expect(sent.slice(before).filter((x) => !x.endsWith('/query') && !x.endsWith('/queryMore') && !x.endsWith('/bulk') && !x.startsWith('GET '))).toEqual([]);
    const confirmed = await apply({ plan: [{ ...plan.plan[0], newUsers: ['servuser9@boomi.com'] }] });
    expect(confirmed.lines.map((l) => l.status)).toEqual(['applied']);
    expect(violations).toEqual([]);
  });

  it('a user who has never signed in: the refusal reaches the admin in words, per user', async () => {
    const r = await apply({ plan: [{ op: 'group.addUserRoles', group: 'Services 1', users: [EXAMPLE.users[2], U4], roles: ['Browse Only'] }] });
    expect(r.lines[0]).toMatchObject({ status: 'failed' });
    expect(r.lines[0]!.error).toBe('ServUser3@boomi.com has never signed in; the platform cannot add them to a group until they do');
    await apply({ plan: [{ op: 'group.removeUserRoles', group: 'Services 1', users: [U4], roles: ['Browse Only'] }] });
    expect(violations).toEqual([]);
  });

  it('R10: setSupportAccessRole is refused before sending (no POST Account/{id}); explain of the export says the cap is unknown', async () => {
    const before = sent.length;
    const r = await apply({ plan: [
      { op: 'account.setSupportAccessRole', account: ABC, role: 'Support' },
      { op: 'group.addAccounts', group: 'Services 2', accounts: [ABC] },
    ] });
    expect(r.lines.find((l) => l.index === 0)).toMatchObject({ status: 'failed', attempts: 0, error: SUPPORT_ACCESS_NOT_SETTABLE });
    expect(r.lines.find((l) => l.index === 1)?.status).toBe('applied');
    expect(sent.slice(before).filter((x) => x.startsWith('POST /Account/') && !/\/(query|queryMore|bulk)$/.test(x))).toEqual([]);
    const { snapshot } = await exportSnapshot(client(), { primaryId: p.accountId, groupResources: false });
    const abc = snapshot.Account.find((a) => a.accountId === ABC)!;
    expect(abc.unknown).toContain('supportAccessRoleId');
    expect(abc.parentAccountId).toBe(p.accountId);
    const e = explain(buildState(snapshot), EXAMPLE.users[0], ABC);
    expect([e.via, e.cappedBy, e.capUnknown]).toEqual(['group', null, true]);
    expect(violations).toEqual([]);
  });

  it("removes that take a user's last roles, applied twice: the second run sends nothing, every op unchanged and saying why, exit 0", async () => {
    // The vendor lists no users: Roster knows one only by their roles, so once a plan took their
    // last roles (and the platform took them off the account), a re-run names a user it cannot see.
    const NEW = 'servnew1@boomi.com';
    const U2 = EXAMPLE.users[1];
    await apply({ plan: [{ op: 'account.addUserRoles', account: DEF, users: [NEW], roles: ['Browse Only'], newUsers: [NEW] }] });
    const removes = { plan: [
      { op: 'group.removeUserRoles', group: 'Services 1', users: [U2], roles: ['Standard User'] },
      { op: 'group.removeUserRoles', group: 'All Accounts', users: [U2], roles: ['Support'] },
      { op: 'account.removeUserRoles', account: DEF, users: [NEW], roles: ['Browse Only'] },
    ] };
    const byIndex = (r: Awaited<ReturnType<typeof apply>>) => [...r.lines].sort((a, b) => a.index - b.index);
    expect(byIndex(await apply(removes)).map((l) => `${l.op}:${l.status}${l.error ? ` ${l.error}` : ''}`)).toEqual([
      'group.removeUserRoles:applied', 'group.removeUserRoles:applied', 'account.removeUserRoles:applied',
    ]);
    const again = sent.length;
    const second = await apply(removes);
    const nobody = (u: string) => `Roster knows no user "${u}", so nothing was removed: nobody by that id holds these roles here; an earlier run may have taken their last role, otherwise check the spelling`;
    expect(byIndex(second).map((l) => [l.status, l.attempts, l.note])).toEqual([
      ['unchanged', 0, nobody(U2)], ['unchanged', 0, nobody(U2)], ['unchanged', 0, nobody(NEW)],
    ]);
    expect(second.summary).toMatchObject({ unchanged: 3, failed: 0, conflict: 0 });
    expect(sent.slice(again).filter((x) => !/\/(query|queryMore|bulk)$/.test(x) && !x.startsWith('GET '))).toEqual([]);
    expect(violations).toEqual([]);
    // The same plan through `roster apply`: exit 0, the note on each line.
    const dir = mkdtempSync(path.join(tmpdir(), 'roster-vendor-'));
    try {
      const file = path.join(dir, 'removes.json');
      writeFileSync(file, JSON.stringify(removes));
      const cli = await rosterInProcess('apply', '--platform', p.url, '--user', p.user, '--token', p.token, '--plan', file);
      expect(cli.code).toBe(0);
      const lines = cli.out.trim().split('\n').map((l) => JSON.parse(l) as { status?: string; note?: string });
      expect(lines.slice(0, 3).map((l) => [l.status, l.note])).toEqual([['unchanged', nobody(U2)], ['unchanged', nobody(U2)], ['unchanged', nobody(NEW)]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('apply: partner ops are refused before sending, with the missing capability in a sentence; the rest apply', async () => {
    const before = sent.length;
    const r = await apply({ plan: [
      { op: 'partner.grant', service: 'svc', accounts: [ABC], users: [U4] },
      { op: 'group.addAccounts', group: 'Services 2', accounts: [DEF] },
    ] });
    expect(r.lines.find((l) => l.index === 0)).toMatchObject({ status: 'failed', attempts: 0, error: "This platform's API does not offer partner services" });
    expect(r.lines.find((l) => l.index === 1)?.status).toBe('applied');
    expect(sent.slice(before).filter((s) => s.includes('Partner') && !s.endsWith('/query'))).toEqual([]);
    expect(violations).toEqual([]);
  });
});
