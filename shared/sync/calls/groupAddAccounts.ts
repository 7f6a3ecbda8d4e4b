import type { OpCalls } from '../types';
import { AGA, cross, linkCall, uniq } from './links';
import { groupExists } from './expect';

/** group.addAccounts: one CREATE AccountGroupAccount per account (R4); key group+account. */
export const groupAddAccounts: OpCalls<'group.addAccounts'> = {
  kind: 'group.addAccounts',
  calls: (op) => cross([op.groupId], uniq(op.accountIds)).map((parts) => linkCall(AGA, parts, 'add')),
  expectations: (op) => groupExists(op.groupId),
};
