import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { OBJECT_TYPES } from '../../../shared/model';
import { applyScan, openRosterDb, type RosterDb } from '../../../renderer/src/cache';
import { enqueuePlan } from '../../../renderer/src/sync/outbox';
import { SUMMARY_SHOWN, previewAccess, previewFull, previewSummary } from '../../../renderer/src/domain/accessPreview';

let db: RosterDb;
let n = 0;
afterEach(async () => db?.delete());

const seeded = async () => {
  db = openRosterDb(`preview-${++n}`);
  const s = exampleSnapshot();
  for (const t of OBJECT_TYPES) await applyScan(db, { objectType: t, records: s[t] as never[], quarantined: [], complete: true });
  return db;
};

const [, , ghi] = EXAMPLE.accounts;
const addGhiToS1 = { op: 'group.addAccounts' as const, groupId: EXAMPLE.groups.services1, accountIds: [ghi.accountId] };

describe('plan preview access diff (confirmed ⊕ pending)', () => {
  it('R7/R8: adding Doc GHI to Services 1 gives ServUser1 and ServUser2 Standard User there', async () => {
    await seeded();
    const diff = await previewAccess(db, [addGhiToS1]);
    const gained = diff.gains.map((g) => `${g.userId}|${g.accountId}|${g.roles.join(',')}`).sort();
    expect(gained).toEqual([`ServUser1@boomi.com|${ghi.accountId}|Standard User`, `ServUser2@boomi.com|${ghi.accountId}|Standard User`]);
    expect(diff.lockedOut).toEqual([]);
  });

  it('an op already queued in the outbox is part of the base: previewing it again gains nothing', async () => {
    await seeded();
    await enqueuePlan(db, [addGhiToS1]);
    const diff = await previewAccess(db, [addGhiToS1]);
    expect(diff.gains).toEqual([]);
  });

  it('R7/R8: the summary counts what the full what-if lists and names the accounts it shows', async () => {
    await seeded();
    const ops = [{ op: 'group.addAccounts' as const, groupId: EXAMPLE.groups.services1, accountIds: EXAMPLE.accounts.slice(1).map((a) => a.accountId) }];
    const [full, sum] = await Promise.all([previewAccess(db, ops), previewSummary(db, ops)]);
    expect([sum.gains, sum.losses, sum.lockedOut]).toEqual([full.gains.length, full.losses.length, full.lockedOut.length]);
    expect(sum.gains).toBeGreaterThan(0);
    expect(sum.gainsShown).toEqual(full.gains.slice(0, SUMMARY_SHOWN));
    for (const c of sum.gainsShown) expect(sum.accountNames?.[c.accountId]).toBe(EXAMPLE.accounts.find((a) => a.accountId === c.accountId)?.name);
  });

  it('the summary and the full list name every user they show, by first and last name (Person)', async () => {
    await seeded();
    const ops = [{ op: 'group.addAccounts' as const, groupId: EXAMPLE.groups.services1, accountIds: EXAMPLE.accounts.slice(1).map((a) => a.accountId) }];
    const [full, sum] = await Promise.all([previewFull(db, ops), previewSummary(db, ops)]);
    const users = new Set([...sum.gainsShown.map((c) => c.userId), ...sum.digest.gains.byUser.map((u) => u.userId)]);
    expect(users.size).toBeGreaterThan(0);
    expect(Object.keys(sum.userNames ?? {}).sort()).toEqual([...users].sort());
    expect(sum.userNames?.['ServUser1@boomi.com']).toBe('Serv User1');
    expect(full.userNames['ServUser1@boomi.com']).toBe('Serv User1');
    for (const c of full.gains) expect(full.userNames[c.userId]).toBeTruthy();
  });

  it('the summary sees queued ops too, and a newly queued op changes it', async () => {
    await seeded();
    expect((await previewSummary(db, [addGhiToS1])).gains).toBe(2);
    await enqueuePlan(db, [addGhiToS1]);
    expect((await previewSummary(db, [addGhiToS1])).gains).toBe(0);
  });

  it('R3 refusals reach the summary', async () => {
    await seeded();
    const sum = await previewSummary(db, [{ op: 'group.rename', groupId: EXAMPLE.groups.all, name: 'Everything' }]);
    expect(sum.refused.map((r) => r.reason).join()).toMatch(/R3/);
  });

  it('R13: removing the only group holding a user\'s access shows the lock-out', async () => {
    await seeded();
    // ServUser1 reaches Doc ABC through Services 1 and All Accounts; remove both group roles.
    const diff = await previewAccess(db, [
      { op: 'group.removeUserRoles', groupId: EXAMPLE.groups.services1, userIds: ['ServUser1@boomi.com'], roleIds: ['fcb6e2d0-0ca8-11e2-a477-1231381987a5'] },
      { op: 'group.removeUserRoles', groupId: EXAMPLE.groups.all, userIds: ['ServUser1@boomi.com'], roleIds: ['fcb6e474-0ca8-11e2-a477-1231381987a5'] },
    ]);
    expect(diff.lockedOut.map((l) => l.accountId)).toContain(EXAMPLE.accounts[0].accountId);
  });
});
