import { describe, expect, it } from 'vitest';
import { AUS_NOT_SETTABLE, explain, markUnknownAccountFields, reach, SUPPORT_ACCESS_NOT_SETTABLE, who } from '../../../shared/access';
import { ausSummary, groupMembersWithoutAus } from '../../../renderer/src/features/resources/model';
import { parseSnapshot, type Account, type Snapshot } from '../../../shared/model';
import { applyOps, whatIf } from '../../../shared/plans';
import { accountSection } from '../../../shared/review/report';
import { supportAccessSentence } from '../../../renderer/src/features/access-explorer/model';
import { ABC, PRIMARY, U1, account, builtIn, example, state } from './fixtures';

/** The example as the vendor's API shows it: no extension field on any Account. */
const vendorShaped = (): Snapshot => {
  const s = example();
  s.Account = s.Account.map((a) => {
    const { parentAccountId: _p, accountGroupsEnabled: _g, advancedUserSecurity: _u, supportAccessRoleId: _r, ...rest } = a;
    return markUnknownAccountFields(rest as Account, PRIMARY);
  });
  return s;
};

describe('R10: an unknown Support Access Role is not "no cap"', () => {
  it('a vendor-shaped Account is marked: its extension fields are unknown, the primary is the URL account and parents the rest', () => {
    const s = vendorShaped();
    expect(account(s, ABC).unknown).toEqual(['accountGroupsEnabled', 'advancedUserSecurity', 'supportAccessRoleId']);
    expect(account(s, ABC).parentAccountId).toBe(PRIMARY);
    expect(account(s, PRIMARY).parentAccountId).toBeUndefined();
    expect(account(s, PRIMARY).unknown).toEqual(['accountGroupsEnabled', 'advancedUserSecurity', 'supportAccessRoleId']);
    // The reference platform's records say everything: left as they are.
    const roster = example().Account.find((a) => a.accountId === ABC)!;
    expect(markUnknownAccountFields(roster, PRIMARY)).toBe(roster);
  });

  it('R10: explain of a group user says the privileges hold unless the unknown role caps them (never cappedBy null in silence)', () => {
    const e = explain(state(vendorShaped()), U1, ABC);
    expect(e.via).toBe('group');
    expect(e.cappedBy).toBeNull();
    expect(e.capUnknown).toBe(true);
    expect(e.reasons.some((r) => r.startsWith('R10:') && r.includes('does not tell the Support Access Role') && r.includes('hold unless'))).toBe(true);
    // Known "none" on the reference platform: no such flag.
    expect(explain(state(example()), U1, ABC).capUnknown).toBeUndefined();
  });

  it('R10: a role recorded in Roster caps like the platform\'s and is shown as recorded', () => {
    const s = vendorShaped();
    account(s, ABC).recordedSupportAccessRoleId = builtIn('Support');
    const e = explain(state(s), U1, ABC);
    expect(e.capUnknown).toBeUndefined();
    expect(e.cappedBy).toMatchObject({ name: 'Support', recorded: true });
    expect(e.privileges).toEqual(['DASHBOARD', 'EXECUTE', 'PROCESS_HISTORY', 'VIEW_RESULTS']);
    expect(e.reasons.some((r) => r.includes('(recorded in Roster)'))).toBe(true);
    expect(accountSection(state(s), ABC).supportAccessRole).toBe('Support (recorded in Roster)');
    expect(supportAccessSentence(state(s), ABC)).toContain('recorded in Roster');
    // Recorded as none: known, no cap.
    account(s, ABC).recordedSupportAccessRoleId = null;
    const none = explain(state(s), U1, ABC);
    expect([none.cappedBy, none.capUnknown]).toEqual([null, undefined]);
  });

  it('the recorded role and the unknown fields survive a snapshot file', () => {
    const s = vendorShaped();
    account(s, ABC).recordedSupportAccessRoleId = builtIn('Support');
    const r = parseSnapshot(JSON.parse(JSON.stringify(s)));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.snapshot.Account.find((a) => a.accountId === ABC)).toMatchObject({ recordedSupportAccessRoleId: builtIn('Support'), unknown: ['accountGroupsEnabled', 'advancedUserSecurity', 'supportAccessRoleId'] });
  });

  it('R10: setting the Support Access Role where the platform cannot is refused in a sentence, before anything is sent', () => {
    const st = state(vendorShaped());
    const { results } = applyOps(st, [{ op: 'account.setSupportAccessRole', accountId: ABC, roleId: builtIn('Support') }]);
    expect(results[0]).toMatchObject({ status: 'refused', reason: SUPPORT_ACCESS_NOT_SETTABLE });
    expect(supportAccessSentence(st, ABC)).toContain("This platform's API does not tell an account's Support Access Role");
    expect(accountSection(st, ABC).supportAccessRole).toBe('unknown (the platform does not tell it)');
  });

  it('R15, R19: switching Advanced User Security where the platform cannot is refused in a sentence; unknown AUS is not "off" in the Resources summary', () => {
    const st = state(vendorShaped());
    const { results } = applyOps(st, [{ op: 'account.setAdvancedUserSecurity', accountId: ABC, enabled: true }]);
    expect(results[0]).toMatchObject({ status: 'refused', reason: AUS_NOT_SETTABLE });
    expect(ausSummary(st)).toMatchObject({ primaryOn: false, primaryUnknown: true, membersOff: 0, membersUnknown: 4, members: 4 });
    expect(groupMembersWithoutAus(st, st.groups.keys().find((g) => st.groups.get(g)!.name === 'Services 1')!)).toBe(0);
  });

  it('R1, R19: unknown accountGroupsEnabled / advancedUserSecurity refuse nothing on a guess', () => {
    const s = vendorShaped();
    const r = whatIf(state(s), [{ op: 'group.addAccounts', groupId: s.AccountGroup.find((g) => g.name === 'Services 2')!.id, accountIds: [ABC] }]);
    expect(r.refused).toEqual([]);
  });
});

describe('R10: who and reach mark group access an unknown Support Access Role may cap', () => {
  it('R10: entries through groups carry capUnknown on vendor-shaped accounts, and only there', () => {
    const st = state(vendorShaped());
    expect(who(st, ABC).filter((w) => w.via === 'group').every((w) => w.capUnknown === true)).toBe(true);
    expect(reach(st, U1).find((r) => r.accountId === ABC)?.capUnknown).toBe(true);
    const known = state(example());
    expect(who(known, ABC).some((w) => 'capUnknown' in w)).toBe(false);
    expect(reach(known, U1).some((r) => 'capUnknown' in r)).toBe(false);
  });
});
