import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState, explain } from '../../../shared/access';
import { markUnknownAccountFields } from '../../../shared/access/supportAccess';
import { exampleSnapshot, EXAMPLE } from '../../../shared/seeds/example';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import type { Account } from '../../../shared/model';
import { applyScan, cacheVersion, loadSnapshot, openRosterDb, recordSupportAccessRole, rememberCapabilities, type RosterDb } from '../../../renderer/src/cache';

let db: RosterDb | undefined;
afterEach(async () => db?.delete());

const ABC = EXAMPLE.accounts[0].accountId;
const U1 = EXAMPLE.users[0];

/** The example's accounts as the vendor's API shows them: no extension field, so marked unknown where read. */
const vendorAccounts = () =>
  exampleSnapshot().Account.map((a) => {
    const { accountGroupsEnabled: _g, advancedUserSecurity: _u, supportAccessRoleId: _r, parentAccountId: _p, ...rest } = a;
    return markUnknownAccountFields(rest as Account, EXAMPLE.primary.accountId);
  });

describe('the cache keeps what Roster knows of the platform beyond its records', () => {
  it('R10: a Support Access Role recorded in Roster survives a refresh of the Accounts, changes the cache version and caps in explain', async () => {
    db = openRosterDb('test-recorded-facts');
    const snap = exampleSnapshot();
    for (const t of ['Account', 'AccountGroup', 'AccountGroupAccount', 'AccountGroupUserRole', 'Role'] as const) {
      await applyScan(db, { objectType: t, records: t === 'Account' ? vendorAccounts() : snap[t], quarantined: [], complete: true });
    }
    expect(explain(buildState(await loadSnapshot(db)), U1, ABC).capUnknown).toBe(true);
    const before = await cacheVersion(db);
    await recordSupportAccessRole(db, ABC, BUILT_IN_ROLE_IDS.Support);
    expect(await cacheVersion(db)).not.toBe(before);
    // A refresh rewrites the Account rows: the recorded role is kept apart and still applies.
    await applyScan(db, { objectType: 'Account', records: vendorAccounts().map((a) => ({ ...a, name: `${a.name} (renamed)` })), quarantined: [], complete: true });
    const e = explain(buildState(await loadSnapshot(db)), U1, ABC);
    expect(e.cappedBy).toMatchObject({ name: 'Support', recorded: true });
    expect(e.capUnknown).toBeUndefined();
  });

  it('keeps the capabilities main learnt at connect', async () => {
    db = openRosterDb('test-capability-facts');
    await rememberCapabilities(db, { mode: 'remote', url: 'https://x/api/rest/v1/a', accountId: 'a', user: 'u', online: true, missingCapabilities: ['partnerServices'] });
    expect(await db.platformFacts.get('capabilities')).toMatchObject({ url: 'https://x/api/rest/v1/a', missing: ['partnerServices'] });
  });
});
