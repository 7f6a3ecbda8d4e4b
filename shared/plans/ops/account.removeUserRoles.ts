import type { OpModule } from '../op';
import { isKnownUser, link } from '../../access/state';
import { pair } from '../../access/layer';
import { everyPair, firstRefusal, missing } from './common';

export const accountRemoveUserRoles: OpModule<'account.removeUserRoles'> = {
  kind: 'account.removeUserRoles',
  refuse: (s, op) =>
    firstRefusal(
      () => missing('account', [op.accountId], (a) => s.accounts.has(a)),
      () => missing('user', op.userIds, (u) => isKnownUser(s, u)),
      () => missing('role', op.roleIds, (r) => s.roles.has(r)),
    ),
  unchanged: (s, op) => everyPair(op.userIds, op.roleIds, (u, r) => !s.aurRoles.has(pair(op.accountId, u), r)),
  perform(draft, op) {
    for (const u of op.userIds) for (const r of op.roleIds) link.unAccountUserRole(draft, op.accountId, u, r);
  },
  touches(_s, op, touch) {
    for (const u of op.userIds) touch(u, op.accountId);
  },
};
