import type { OpCalls } from '../types';
import { AGA, cross, linkCall, uniq } from './links';
import { groupExists } from './expect';

/** group.removeAccounts: one DELETE AccountGroupAccount per account (R18: the platform drops the shared roles that depended on it). */
export const groupRemoveAccounts: OpCalls<'group.removeAccounts'> = {
  kind: 'group.removeAccounts',
  calls: (op) => cross([op.groupId], uniq(op.accountIds)).map((parts) => linkCall(AGA, parts, 'remove')),
  expectations: (op) => groupExists(op.groupId),
};
