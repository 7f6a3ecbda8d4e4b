import type { AccessState } from '../access/state';
import { forkState } from '../access/state';
import { pair } from '../access/layer';
import { applyOpToDraft } from './apply';
import type { PlanOp, PlanOpOf } from './types';

/**
 * The vendor e-mails every user a role is added to (AccountGroupUserRole/AccountUserRole create,
 * `notifyUser` defaults to true). Roster always says which it wants: the admin's choice travels
 * with these ops (absent is no), and the preview counts what the choice would send.
 */
type Notifying = PlanOpOf<'group.addUserRoles'> | PlanOpOf<'account.addUserRoles'>;
const isNotifying = (op: PlanOp): op is Notifying => op.op === 'group.addUserRoles' || op.op === 'account.addUserRoles';

export interface Notifications {
  /** One e-mail per link the plan creates (a user given two roles gets two). */
  emails: number;
  /** Distinct users who would get one. */
  users: number;
}

/** What the plan's adds would e-mail if the platform is told to notify: only links that do not hold yet. */
export const notificationsOf = (base: AccessState, ops: readonly PlanOp[]): Notifications => {
  if (!ops.some(isNotifying)) return { emails: 0, users: 0 };
  const draft = forkState(base);
  let emails = 0;
  const users = new Set<string>();
  ops.forEach((op, i) => {
    const created: string[] = [];
    if (isNotifying(op)) {
      for (const u of new Set(op.userIds)) {
        for (const r of new Set(op.roleIds)) {
          const holds = op.op === 'group.addUserRoles' ? draft.userGroupRoles.has(u, op.groupId, r) : draft.aurRoles.has(pair(op.accountId, u), r);
          if (!holds) created.push(u);
        }
      }
    }
    // A refused op sends nothing; later ops see the state earlier ones made.
    if (applyOpToDraft(draft, op, i).status === 'refused') return;
    emails += created.length;
    for (const u of created) users.add(u);
  });
  return { emails, users: users.size };
};

/** The plan with the admin's choice on every op that would notify (the bulk default is no). */
export const withNotifyUser = (ops: readonly PlanOp[], notify: boolean): PlanOp[] =>
  ops.map((op) => (isNotifying(op) ? { ...op, notifyUser: notify } : op));

/** Whether any op of the plan notifies (the choice a queued plan carries). */
export const notifies = (ops: readonly PlanOp[]): boolean => ops.some((op) => isNotifying(op) && op.notifyUser === true);
