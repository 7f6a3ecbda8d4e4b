import type { AccessState } from '../access/state';
import { forkState, hasNeverSignedIn } from '../access/state';
import { applyOpToDraft } from './apply';
import { displayName, namesFrom, userInWords } from './describe';
import type { PlanOp, PlanOpOf } from './types';

/**
 * The vendor refuses to add a user who has never signed in to an account group's users (its
 * AccountGroupUserRole page). Where the cache knows a user never signed in (the User record says
 * so), the preview warns before anything is sent: who, and what the platform will do.
 */
export interface NotSignedIn {
  userId: string;
  /** The user's display name, where the cache knows one (else null: the e-mail is all there is). */
  name: string | null;
  /** The groups the plan would add them to, by name. */
  groups: string[];
}

type GroupAdd = PlanOpOf<'group.addUserRoles'>;
const isGroupAdd = (op: PlanOp): op is GroupAdd => op.op === 'group.addUserRoles';

/** Users the plan's group adds would give a role they do not hold yet, who have never signed in. */
export const neverSignedInOf = (base: AccessState, ops: readonly PlanOp[]): NotSignedIn[] => {
  if (!ops.some((op) => isGroupAdd(op) && op.userIds.some((u) => hasNeverSignedIn(base, u)))) return [];
  const draft = forkState(base);
  const names = namesFrom(base);
  const found = new Map<string, Set<string>>();
  ops.forEach((op, i) => {
    const adds: [string, string][] = [];
    if (isGroupAdd(op)) {
      for (const u of new Set(op.userIds)) {
        if (hasNeverSignedIn(base, u) && op.roleIds.some((r) => !draft.userGroupRoles.has(u, op.groupId, r))) adds.push([u, names.group(op.groupId)]);
      }
    }
    // A refused op sends nothing; later ops see the state earlier ones made.
    if (applyOpToDraft(draft, op, i).status === 'refused') return;
    for (const [u, g] of adds) found.set(u, (found.get(u) ?? new Set()).add(g));
  });
  return [...found].map(([userId, groups]) => ({ userId, name: displayName(base, userId), groups: [...groups] }));
};

/** The preview's warning for one such user: who, and what the platform will do. */
export const neverSignedInWarning = (u: NotSignedIn): string =>
  `${userInWords(u.userId, u.name)} has never signed in: the platform refuses to add a user who has never signed in to a group's users, ` +
  `so their roles in ${u.groups.map((g) => `“${g}”`).join(', ')} will fail until they sign in; the rest of the plan applies.`;
