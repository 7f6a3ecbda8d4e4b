import { describe, expect, it } from 'vitest';
import { buildState, explain } from '../../../../shared/access';
import { BUILT_IN_ROLE_IDS } from '../../../../shared/seeds/builtInRoles';
import { EXAMPLE } from '../../../../shared/seeds/example';
import { viewOn as withPending } from '../../../../renderer/src/domain/optimisticView';
import { describeOp, namesFrom } from '../../../../shared/plans';
import { accountOptions, planSupportAccessRole, supportAccessChoices, supportAccessSentence, userOptions } from '../../../../renderer/src/features/access-explorer/model';
import { ABC, DEPLOYER, GHI, U1, richSnapshot } from './fixture';

const state = () => buildState(richSnapshot());
const PRIMARY = EXAMPLE.primary.accountId;

describe('explorer pickers', () => {
  it('lists every user by name with the e-mail to search, and every account by name', () => {
    const s = state();
    expect(userOptions(s).find((o) => o.id === U1)).toEqual({ id: U1, label: 'Serv User1', detail: U1 });
    expect(accountOptions(s).map((o) => o.label)).toContain('Doc GHI Company');
    expect(accountOptions(s)).toHaveLength(s.accounts.keys().length);
  });
});

describe('Support Access Role (R10, R16)', () => {
  it('R16: a member account is offered built-in roles only, never the shared Deployer', () => {
    const names = supportAccessChoices(state(), ABC).map((c) => c.name);
    expect(names).toEqual(['Administrator', 'Browse Only', 'Production Support', 'Standard User', 'Support']);
  });

  it('R16: the primary account is offered its own custom role too', () => {
    expect(supportAccessChoices(state(), PRIMARY).map((c) => c.roleId)).toContain(DEPLOYER);
  });

  it('R16: naming a shared role as a member account’s Support Access Role is refused in words', () => {
    const r = planSupportAccessRole(state(), ABC, DEPLOYER);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^R16: "Deployer"/);
  });

  it('R10: choosing the current setting again is refused instead of queued', () => {
    const r = planSupportAccessRole(state(), ABC, null);
    expect(r).toEqual({ ok: false, reason: 'That is already the account’s Support Access Role.' });
  });

  it('R10: a queued Browse Only cap shows in the optimistic view and caps ServUser1 on Doc GHI', () => {
    const base = state();
    const planned = planSupportAccessRole(base, GHI, BUILT_IN_ROLE_IDS['Browse Only']);
    expect(planned.ok).toBe(true);
    const view = withPending(base, planned.ok ? planned.ops : []);
    expect(explain(view, U1, GHI).privileges).toEqual(['DASHBOARD']);
    expect(explain(view, U1, GHI).cappedBy?.removed).toEqual(['EXECUTE', 'PROCESS_HISTORY', 'VIEW_RESULTS']);
    expect(supportAccessSentence(view, GHI)).toMatch(/“Browse Only”/);
    // The confirmed state is never written (DESIGN.md: optimistic values stay out of confirmed data).
    expect(explain(base, U1, GHI).cappedBy).toBeNull();
    expect(supportAccessSentence(base, GHI)).toMatch(/^No Support Access Role is set/);
  });
});

describe('describeOp', () => {
  it('says each op in words with names, not ids', () => {
    const n = namesFrom(state());
    expect(describeOp({ op: 'account.setSupportAccessRole', accountId: GHI, roleId: BUILT_IN_ROLE_IDS.Support }, n)).toBe(
      'Set the Support Access Role of Doc GHI Company to “Support”.',
    );
    expect(describeOp({ op: 'partner.grant', serviceId: 'svc-1', accountIds: ['p-one'], userIds: [U1] }, n)).toBe(
      `Grant Serv User1 (${U1}) access to 1 account of service “Service 1”: Partner p-one.`,
    );
    expect(describeOp({ op: 'role.delete', roleId: DEPLOYER }, n)).toBe('Delete the custom role “Deployer”.');
  });

  it('falls back to ids when nothing is known, and shortens long lists', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `a${i}`);
    expect(describeOp({ op: 'group.addAccounts', groupId: 'g', accountIds: ids }, namesFrom(undefined))).toBe(
      'Add 8 accounts to “g”: a0, a1, a2, a3, a4 and 3 more.',
    );
  });
});
