import { z } from 'zod';
import { Id } from '../../model';
import type { AccessState } from '../../access/state';
import { isBuiltIn, isKnownUser, isRoleSharedWith, link } from '../../access/state';
import { pair } from '../../access/layer';
import type { OpModule } from '../op';
import { list, notice, type Names } from '../describe';
import { accountExists } from '../calls/expect';
import { AUR, cross, linkCall, uniq } from '../calls/links';
import { everyPair, firstRefusal, Ids, missing, pairsBy, unseenUsers } from './common';

export const AccountAddUserRoles = z.strictObject({
  op: z.literal('account.addUserRoles'), accountId: Id, userIds: Ids, roleIds: Ids,
  /** Whether the platform e-mails each user added (its default is yes); absent is no. */
  notifyUser: z.boolean().optional(),
  /**
   * Users the admin confirmed as new: the platform creates a user it does not know when given a
   * role on an account, so any other id Roster has never seen is refused as a typo.
   */
  newUsers: z.array(Id).max(100_000).optional(),
});

/** R15, R16, R19: which roles may be assigned directly on an account. */
export const assignableRefusal = (s: AccessState, accountId: string, roleIds: readonly string[]): string | null => {
  const account = s.accounts.get(accountId)!;
  for (const r of roleIds) {
    const role = s.roles.get(r)!;
    if (isBuiltIn(role) || role.accountId === accountId || role.accountId === undefined) continue;
    if (!isRoleSharedWith(s, r, accountId)) {
      return `R15: role "${role.name}" belongs to another account and is not shared with "${account.name ?? accountId}" by any group`;
    }
    if (account.advancedUserSecurity === false) {
      return `R19: Advanced User Security is off on "${account.name ?? accountId}", so the shared role "${role.name} (shared)" can no longer be assigned there`;
    }
  }
  return null;
};

/** R6 direct access: one CREATE AccountUserRole per user and role (key account+user+role). */
/**
 * The vendor's API creates a user a role on an account names and it does not know; a platform
 * known not to (the reference platform's default profile) refuses that role instead.
 */
const newUsersSentence = (ids: readonly string[], n: Names): string =>
  n.vendor === false
    ? ` This platform does not create users: it will refuse the role${ids.length === 1 ? '' : 's'} of ${list(ids)}.`
    : ` The platform creates ${ids.length === 1 ? 'the new user' : 'the new users'} ${list(ids)}.`;

export const accountAddUserRoles: OpModule<'account.addUserRoles'> = {
  kind: 'account.addUserRoles',
  schema: AccountAddUserRoles,
  refuse: (s, op) =>
    firstRefusal(
      () => missing('account', [op.accountId], (a) => s.accounts.has(a)),
      () => unseenUsers(s, op.userIds, (u) => isKnownUser(s, u) || (op.newUsers?.includes(u) ?? false), true),
      () => missing('role', op.roleIds, (r) => s.roles.has(r)),
      () => assignableRefusal(s, op.accountId, op.roleIds),
    ),
  unchanged: (s, op) => everyPair(op.userIds, op.roleIds, (u, r) => s.aurRoles.has(pair(op.accountId, u), r)),
  perform(draft, op) {
    for (const u of op.userIds) for (const r of op.roleIds) link.accountUserRole(draft, op.accountId, u, r);
  },
  touches(_s, op, touch) {
    for (const u of op.userIds) touch(u, op.accountId);
  },
  calls: (op) =>
    cross([op.accountId], uniq(op.userIds), uniq(op.roleIds)).map(([a, u, r]) =>
      linkCall(AUR, [a!, u!, r!], 'add', { ...op, userIds: [u!], roleIds: [r!] })),
  expectations: (_s, op) => accountExists(op.accountId),
  describe: (op, n) =>
    `Give ${list(op.roleIds.map(n.role))} directly on ${n.account(op.accountId)} to ${list(op.userIds.map(n.user))}.${notice(op.notifyUser, n)}` +
    (op.newUsers?.length ? newUsersSentence(op.newUsers, n) : ''),
  inverse: (before, op) => ({
    ops: pairsBy(op.userIds, op.roleIds, (u, r) => !before.aurRoles.has(pair(op.accountId, u), r))
      .map(([userIds, r]) => ({ op: 'account.removeUserRoles', accountId: op.accountId, userIds, roleIds: [r] })),
    notes: [],
  }),
};
