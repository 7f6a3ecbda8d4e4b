import { describe, expect, it } from 'vitest';
import { buildState } from '../../../../shared/access';
import { banner, queuedBanner, planPartnerAccess, serviceAccountRows, serviceRows } from '../../../../renderer/src/features/partner-access/model';
import { PARTNER_ACCOUNTS, SERVICE, U1, U2, richSnapshot } from '../access-explorer/fixture';

const state = () => buildState(richSnapshot());

describe('partner services (R25–R29)', () => {
  it('R29: the services table gives the partner organisation and the number of accounts', () => {
    expect(serviceRows(state())).toEqual([{ id: SERVICE, name: 'Service 1', partnerOrganisation: 'Globex', entity: 'entity-documentation', accounts: 2 }]);
  });

  it('R29: a service’s detail lists its accounts with the users assigned to each', () => {
    expect(serviceAccountRows(state(), SERVICE)).toEqual([
      { accountId: 'p-one', name: 'Partner p-one', users: [{ userId: U1, name: 'Serv User1' }] },
      { accountId: 'p-two', name: 'Partner p-two', users: [] },
    ]);
  });

  it('R26: granting builds one op for every selected user and account', () => {
    expect(planPartnerAccess(state(), 'grant', SERVICE, PARTNER_ACCOUNTS, [U1, U2])).toEqual({
      ok: true, ops: [{ op: 'partner.grant', serviceId: SERVICE, accountIds: PARTNER_ACCOUNTS, userIds: [U1, U2] }],
    });
  });

  it('R25: a user of another entity cannot be given access', () => {
    const r = planPartnerAccess(state(), 'grant', SERVICE, PARTNER_ACCOUNTS, ['outsider@x.com']);
    expect(!r.ok && r.reason).toMatch(/^R25: only users of the service's entity/);
  });

  it('R27: revoking from someone with no access to the selection is refused as a no-op', () => {
    expect(planPartnerAccess(state(), 'revoke', SERVICE, ['p-two'], [U1])).toEqual({ ok: false, reason: 'None of them has access to the selected accounts.' });
    expect(planPartnerAccess(state(), 'revoke', SERVICE, ['p-one'], [U1]).ok).toBe(true);
  });

  it('needs a selection of accounts and users, and says so', () => {
    expect(planPartnerAccess(state(), 'grant', SERVICE, [], [U1])).toEqual({ ok: false, reason: 'Select at least one account of the service first.' });
    expect(planPartnerAccess(state(), 'grant', SERVICE, ['p-one'], [])).toEqual({ ok: false, reason: 'Pick at least one user.' });
  });

  it('the banner says "granted" only for the platform\'s answer; while queued it says queued, and whether it is being sent', () => {
    expect(banner('revoke', 1, 2)).toBe('Access revoked: 1 user from 2 accounts.');
    expect(queuedBanner('grant', 2, 1, true)).toBe('Queued: grant 2 users to 1 account. Sending it to the platform now.');
    expect(queuedBanner('grant', 2, 1, false)).toMatch(/when online\.$/);
    expect(queuedBanner('grant', 2, 1, true)).not.toMatch(/granted/i);
  });
});
