import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { OBJECT_TYPES } from '../../../shared/model';
import { BUILT_IN_ROLE_IDS as R } from '../../../shared/seeds/builtInRoles';
import { applyScan, openRosterDb, type RosterDb } from '../../../renderer/src/cache';
import { enqueuePlan } from '../../../renderer/src/sync/outbox';
import { previewSummary } from '../../../renderer/src/domain/accessPreview';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { notifySentence, PlanNotices } from '../../../renderer/src/components/PlanNotices';
import { behavesAsVendor } from '../../../shared/sync/capabilities';
import { neverSignedInWarning, withNotifyUser } from '../../../shared/plans';
import { neverSignedIn } from '../access/fixtures';

// What every preview says beyond access (the vendor's documented behaviours): how many
// notification e-mails a plan's adds would send, with the admin's choice carried by the queued
// ops, and who leaves an account with their last direct role.
let db: RosterDb;
let n = 0;
afterEach(async () => db?.delete());

const seeded = async (extra?: (s: ReturnType<typeof exampleSnapshot>) => void) => {
  db = openRosterDb(`notices-${++n}`);
  const s = exampleSnapshot();
  extra?.(s);
  for (const t of OBJECT_TYPES) await applyScan(db, { objectType: t, records: s[t] as never[], quarantined: [], complete: true });
  return db;
};

const [abc] = EXAMPLE.accounts;
const [u1, , u3, u4] = EXAMPLE.users;
const add = { op: 'group.addUserRoles' as const, groupId: EXAMPLE.groups.services1, userIds: [u3, u4], roleIds: [R['Browse Only']] };

describe('preview notices', () => {
  it('the preview counts the notification e-mails of the adds (one per user and role created)', async () => {
    await seeded();
    expect((await previewSummary(db, [add])).notifications).toEqual({ emails: 2, users: 2 });
  });

  it('bulk default: none is sent, and the sentence says what the platform would have sent', () => {
    expect(notifySentence(2, 2, false)).toBe('No notification e-mails will be sent (the platform would send 2 to 2 users added unless told not to).');
    expect(notifySentence(1, 1, true)).toBe('The platform will send 1 notification e-mail to 1 user added.');
  });

  it('only a platform that e-mails the users added is said to (the vendor\'s API); the reference platform\'s default profile sends none', async () => {
    await seeded();
    const diff = await previewSummary(db, [add]);
    const shown = (vendor: boolean) => renderToString(createElement(PlanNotices, { diff, choice: { notify: false, setNotify: () => {} }, vendor }));
    expect(shown(true)).toContain('aria-label="Notification e-mails"');
    expect(shown(true)).toContain('No notification e-mails will be sent (the platform would send 2 to 2 users added unless told not to).');
    expect(shown(false)).not.toContain('Notification e-mails');
    expect(shown(false)).not.toContain('notification e-mail');
    // Decided by what the connection learnt: the vendor's API keeps its users outside it.
    expect(behavesAsVendor([])).toBe(false);
    expect(behavesAsVendor(['partnerServices', 'publishedResources', 'users'])).toBe(true);
    // Not known yet (never connected, nothing cached): said as the vendor's.
    expect(behavesAsVendor(undefined)).toBe(true);
  });

  it('the choice travels with the queued op (OutboxOp args carry notifyUser)', async () => {
    await seeded();
    await enqueuePlan(db, withNotifyUser([add], true));
    await enqueuePlan(db, withNotifyUser([add], false));
    const queued = await db.outbox.orderBy('seq').toArray();
    expect(queued.map((o) => (o.args.op === 'group.addUserRoles' ? o.args.notifyUser : 'other'))).toEqual([true, false]);
  });

  it('the preview says per user who leaves an account with their last direct role', async () => {
    await seeded((s) => s.AccountUserRole.push({ '@type': 'AccountUserRole', id: 'aur-u1', accountId: abc.accountId, userId: u1, roleId: R.Support }));
    const d = await previewSummary(db, [{ op: 'account.removeUserRoles', accountId: abc.accountId, userIds: [u1], roleIds: [R.Support] }]);
    expect([d.leavesAccount, d.digest.leavesAccount]).toEqual([1, [{ userId: u1, accounts: 1, roles: [] }]]);
    // Said only where the platform takes the user off the account (the vendor's API); the reference
    // platform's default profile keeps them there, so its preview does not claim it.
    const shown = (vendor: boolean) => renderToString(createElement(PlanNotices, { diff: d, choice: { notify: false, setNotify: () => {} }, vendor }));
    expect(shown(true)).toContain('aria-label="Users removed from accounts"');
    expect(shown(true)).toContain('and the platform then removes the user from the account');
    expect(shown(false)).not.toContain('removed from');
    expect(shown(false)).not.toContain('removes the user');
  });

  it('never signed in: the preview names each such user (name and e-mail) and what the platform will do, before sending', async () => {
    await seeded(neverSignedIn);
    const d = await previewSummary(db, [add]);
    // ServUser3's User record says never signed in (marked above); ServUser4 signed in.
    expect(d.neverSignedIn).toEqual([{ userId: u3, name: 'Serv User3', groups: ['Services 1'] }]);
    expect(neverSignedInWarning(d.neverSignedIn[0]!)).toBe(
      "Serv User3 (ServUser3@boomi.com) has never signed in: the platform refuses to add a user who has never signed in to a group's users, " +
        'so their roles in “Services 1” will fail until they sign in; the rest of the plan applies.',
    );
  });

  it('never signed in: the queued op carries the display name, so the platform\'s later refusal names the user', async () => {
    await seeded(neverSignedIn);
    await enqueuePlan(db, [add]);
    const [queued] = await db.outbox.orderBy('seq').toArray();
    expect(queued!.args).toMatchObject({ op: 'group.addUserRoles', userNames: { [u3]: 'Serv User3' } });
    expect(Object.keys((queued!.args as { userNames: object }).userNames)).toEqual([u3]);
  });
});
