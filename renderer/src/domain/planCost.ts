import type { PlanOp } from '../../../shared/plans/types';
import { fmt } from '../app/format';

/**
 * What a plan costs to send: about one platform call per link it writes (an account into a group,
 * a role for a user), at the platform's documented default of 10 requests a second per account.
 * Said in the preview's title so an admin sees "about 231 calls, ~25 s" before queueing 231 adds.
 */
export const PLATFORM_RATE_PER_S = 10;

export const callsOf = (op: PlanOp): number => {
  switch (op.op) {
    case 'group.addAccounts':
    case 'group.removeAccounts':
      return op.accountIds.length;
    case 'group.addUserRoles':
    case 'group.removeUserRoles':
    case 'account.addUserRoles':
    case 'account.removeUserRoles':
      return op.userIds.length * op.roleIds.length;
    case 'partner.grant':
    case 'partner.revoke':
      return op.userIds.length * op.accountIds.length;
    default:
      return 1;
  }
};

export const planCalls = (ops: readonly PlanOp[]): number => ops.reduce((n, op) => n + callsOf(op), 0);

/** "about 231 calls, ~25 s at the platform's rate"; one call reads "1 call". */
export const costSentence = (ops: readonly PlanOp[]): string => {
  const calls = planCalls(ops);
  if (calls <= 1) return `${fmt(calls)} call`;
  const seconds = Math.max(1, Math.ceil(calls / PLATFORM_RATE_PER_S / 5) * 5);
  const time = seconds >= 120 ? `~${fmt(Math.ceil(seconds / 60))} min` : `~${fmt(seconds)} s`;
  return `about ${fmt(calls)} calls, ${time} at the platform's rate`;
};

/** What happens next to a queued plan, said as it is: sent now when online, later when not. */
export const whenSent = (online: boolean): string => (online ? 'Sending it to the platform now.' : 'It will be sent to the platform when online.');
