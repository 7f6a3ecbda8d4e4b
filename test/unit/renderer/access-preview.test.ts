import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { OBJECT_TYPES } from '../../../shared/model';
import { applyScan, enqueuePlan, openRosterDb, type RosterDb } from '../../../renderer/src/cache';
import { previewAccess } from '../../../renderer/src/features/groups/accessPreview';

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
