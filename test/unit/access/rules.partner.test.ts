import { describe, expect, it } from 'vitest';
import { explain, partnerPicker, partnerServiceDetail, partnerServices, reach, who } from '../../../shared/access';
import { whatIf } from '../../../shared/plans';
import { applyOps } from '../../../shared/plans';
import { OUTSIDER, P1, P2, P3, SVC, U1, U2, U3, U4, example, plan, state, withService } from './fixtures';

describe('partner accounts (R25–R28)', () => {
  it('R25: partner access shows as the way in, through the named service', () => {
    const st = state(withService(example()));
    const e = explain(st, U1, P1);
    expect(e).toMatchObject({ via: 'partner', canLogIn: true });
    expect(e.reasons[0]).toMatch(/^R25: .*Managed Services/);
    expect(reach(st, U1).filter((r) => r.via === 'partner').map((r) => r.accountId).sort()).toEqual([P1, P2]);
    expect(who(st, P1).map((w) => w.userId)).toEqual([U1, U2]);
  });

  it('R25: only users of the service\'s entity can be given access, and only to its accounts', () => {
    const s = withService(example());
    const st = state(s);
    expect(whatIf(st, plan(s, [{ op: 'partner.grant', service: SVC, accounts: [P3], users: [OUTSIDER] }])).refused[0]?.reason).toMatch(/^R25: .*entity/);
    expect(whatIf(st, plan(s, [{ op: 'partner.grant', service: SVC, accounts: ['docabc-4HX8PL'], users: [U3] }])).refused[0]?.reason).toMatch(/^R25: .*not part of service/);
  });

  it('R26: grant gives every selected user every selected account', () => {
    const s = withService(example());
    const w = whatIf(state(s), plan(s, [{ op: 'partner.grant', service: SVC, accounts: [P2, P3], users: [U1, U3] }]));
    expect(w.gains.map((g) => `${g.userId}@${g.accountId}`).sort()).toEqual([`${U1}@${P3}`, `${U3}@${P2}`, `${U3}@${P3}`].sort());
  });

  it('R26: the grant picker lists users with no or partial access, with their current access, searchable', () => {
    const st = state(withService(example()));
    const rows = partnerPicker(st, { serviceId: SVC, accountIds: [P1, P2], mode: 'grant' });
    expect(rows.map((r) => [r.userId, r.currentAccess])).toEqual([[U2, 1], [U3, 0], [U4, 0]]);
    expect(partnerPicker(st, { serviceId: SVC, accountIds: [P1, P2], mode: 'grant', search: 'user3' }).map((r) => r.userId)).toEqual([U3]);
    expect(partnerPicker(st, { serviceId: SVC, accountIds: [P1, P2], mode: 'grant', search: 'SERVUSER4@' }).map((r) => r.userId)).toEqual([U4]);
  });

  it('R27: the revoke picker lists users with full or partial access, and revoke touches the selection only', () => {
    const s = withService(example());
    const st = state(s);
    expect(partnerPicker(st, { serviceId: SVC, accountIds: [P1, P2], mode: 'revoke' }).map((r) => [r.userId, r.currentAccess])).toEqual([[U1, 2], [U2, 1]]);
    const w = whatIf(st, plan(s, [{ op: 'partner.revoke', service: SVC, accounts: [P1], users: [U1] }]));
    expect(w.lockedOut).toEqual([{ userId: U1, accountId: P1 }]);
    expect(explain(st, U1, P2).via).toBe('partner');
  });

  it('R28: an account leaving a service takes the access that depended on it', () => {
    const s = withService(example());
    const w = whatIf(state(s), plan(s, [{ op: 'partner.removeAccountFromService', service: SVC, account: P1 }]));
    expect(w.lockedOut.map((l) => l.userId).sort()).toEqual([U1, U2]);
  });

  it('R28: access recorded for a service that no longer lists the account does not count', () => {
    const s = withService(example());
    s.PartnerService[0]!.accountIds = [P2, P3];
    expect(explain(state(s), U2, P1).canLogIn).toBe(false);
  });

  it('R29: the overview shows each service\'s partner organisation and account count; the detail its accounts and users', () => {
    const s = withService(example());
    const st = state(s);
    expect(partnerServices(st)).toEqual([{ serviceId: SVC, name: 'Managed Services', partnerOrganisation: 'Acme Group', accounts: 3 }]);
    const detail = partnerServiceDetail(st, SVC)!;
    expect(detail.accountsDetail.map((a) => [a.accountId, a.users.map((u) => u.userId)])).toEqual([[P1, [U1, U2]], [P2, [U1]], [P3, []]]);
    const after = applyOps(st, plan(s, [{ op: 'partner.removeAccountFromService', service: SVC, account: P1 }])).state;
    expect(partnerServices(after)[0]!.accounts).toBe(2);
    expect(partnerServiceDetail(st, 'nope')).toBeNull();
  });
});
