import { describe, expect, it } from 'vitest';
import { buildState, redundantDirectRoles } from '../../../shared/access';
import { pair } from '../../../shared/access/layer';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { DEMO, demoSnapshot } from '../../../shared/seeds/demo';
import { EXAMPLE } from '../../../shared/seeds/example';
import { viewOn } from '../../../renderer/src/domain/optimisticView';
import {
  directHolders, directRoleChoices, planAddDirectRoles, planRemoveDirectRoles,
} from '../../../renderer/src/domain/accountAccess';

const state = () => buildState(demoSnapshot());
const [ABC, DEF, , JKL] = EXAMPLE.accounts.map((a) => a.accountId) as [string, string, string, string];
const U1 = EXAMPLE.users[0];
const MEI = DEMO.partnerUser;
const LENA = DEMO.customerUsers[0];
const { Administrator: ADMIN, Support: SUPPORT } = BUILT_IN_ROLE_IDS;
const STANDARD = BUILT_IN_ROLE_IDS['Standard User'];

describe('direct role choices (R15, R16, R19)', () => {
  it('R16: offers built-in roles and a role a group shares with the account, listed "(shared)"', () => {
    const names = directRoleChoices(state(), ABC).map((c) => c.name);
    expect(names).toContain('Administrator');
    expect(names).toContain('Deployer (shared)');
    expect(names).not.toContain('Auditor (shared)'); // shared with Services 2 only, which ABC is not in (R15)
    expect(names).not.toContain('Onboarding Lead (shared)'); // shared with no group
  });

  it('R19: a member account with Advanced User Security off is not offered the roles shared with it', () => {
    const names = directRoleChoices(state(), JKL).map((c) => c.name);
    expect(names).toContain('Standard User');
    expect(names.some((n) => n.endsWith('(shared)'))).toBe(false);
  });
});

describe('direct holders (R6, R9)', () => {
  it('lists each user with a direct role, by name, and says when group roles are ignored (R9)', () => {
    const s = state();
    const lena = directHolders(s, ABC).find((h) => h.userId === LENA)!;
    expect(lena.roles.map((r) => r.name)).toEqual(['Administrator', 'Deployer (shared)']);
    expect(lena.groupRolesIgnored).toBe(false);
    const mei = directHolders(s, DEF).find((h) => h.userId === MEI)!;
    expect(mei).toMatchObject({ name: 'Mei Novak', groupRolesIgnored: true, roles: [{ roleId: SUPPORT, name: 'Support' }] });
  });
});

describe('add direct roles (R6, R9)', () => {
  it('R9: one op; a user with group roles here is warned that they will be ignored', () => {
    const s = state();
    const planned = planAddDirectRoles(s, ABC, [U1], [ADMIN]);
    expect(planned).toMatchObject({ ok: true, ops: [{ op: 'account.addUserRoles', accountId: ABC, userIds: [U1], roleIds: [ADMIN] }] });
    expect(planned.ok && planned.warning).toMatch(/R9/);
    // Applied, the user holds it directly and the account lists them.
    const after = viewOn(s, planned.ok ? planned.ops : []);
    expect(after.aurRoles.has(pair(ABC, U1), ADMIN)).toBe(true);
    expect(directHolders(after, ABC).map((h) => h.userId)).toContain(U1);
  });

  it('refuses a role the account may not be given (R15) and a plan that changes nothing, in words', () => {
    const s = state();
    expect(planAddDirectRoles(s, JKL, [U1], [DEMO.roles.auditor])).toMatchObject({ ok: false, reason: expect.stringMatching(/^R19/) });
    expect(planAddDirectRoles(s, ABC, [U1], [DEMO.roles.auditor])).toMatchObject({ ok: false, reason: expect.stringMatching(/^R15/) });
    expect(planAddDirectRoles(s, ABC, [LENA], [ADMIN])).toMatchObject({ ok: false, reason: expect.stringMatching(/^Nothing to add/) });
    expect(planAddDirectRoles(s, ABC, [], [ADMIN]).ok).toBe(false);
    expect(planAddDirectRoles(s, ABC, [U1], []).ok).toBe(false);
  });
});

describe('remove direct roles (R9, R10, R13)', () => {
  it('R9: each redundant-direct-access row becomes a plan that removes the direct roles, after which the row is gone', () => {
    const s = state();
    const row = redundantDirectRoles(s).find((r) => r.userId === MEI && r.accountId === DEF)!;
    expect(row).toBeDefined();
    const planned = planRemoveDirectRoles(s, row.accountId, row.userId);
    expect(planned).toMatchObject({ ok: true, ops: [{ op: 'account.removeUserRoles', accountId: DEF, userIds: [MEI], roleIds: [SUPPORT] }] });
    expect(planned.ok && planned.warning).toMatch(/group roles apply on this account again \(R9\)/);
    const after = viewOn(s, planned.ok ? planned.ops : []);
    expect(redundantDirectRoles(after).filter((r) => r.userId === MEI && r.accountId === DEF)).toEqual([]);
  });

  it('R10: the warning names the Support Access Role that will cap the group roles, and the roles no group gives', () => {
    let s = state();
    s = viewOn(s, [
      { op: 'account.setSupportAccessRole', accountId: DEF, roleId: STANDARD },
      { op: 'account.addUserRoles', accountId: DEF, userIds: [MEI], roleIds: [ADMIN] },
    ]);
    const planned = planRemoveDirectRoles(s, DEF, MEI);
    expect(planned.ok && planned.ops[0]).toMatchObject({ roleIds: [ADMIN, SUPPORT].sort() });
    expect(planned.ok && planned.warning).toMatch(/capped by its Support Access Role “Standard User” \(R10\)/);
    expect(planned.ok && planned.warning).toMatch(/No group gives Administrator: it goes/);
  });

  it('R13: a user with no group role is warned they can no longer log in; one role of several goes alone', () => {
    const s = state();
    const all = planRemoveDirectRoles(s, ABC, LENA);
    expect(all.ok && all.warning).toMatch(/R13/);
    const one = planRemoveDirectRoles(s, ABC, LENA, [ADMIN]);
    expect(one).toEqual({ ok: true, ops: [{ op: 'account.removeUserRoles', accountId: ABC, userIds: [LENA], roleIds: [ADMIN] }] });
    expect(planRemoveDirectRoles(s, ABC, U1)).toMatchObject({ ok: false });
  });
});
