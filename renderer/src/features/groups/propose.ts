import { db } from '../../app/db';
import { groupAccountIds } from '../../cache';
import type { GroupsOverlay } from './pending';
import { mergeMembers } from './pending';
import { planAddAccounts, planAddUserRoles, planRemoveAccounts, type GroupRef, type PrimaryAccountRef } from './plans';
import type { GroupRow } from './data';
import type { PlanPreview } from './uiStore';
import { fmt, plural } from '../../app/format';
import { prefetchAccessPreview } from './accessClient';

/** The what-if starts with the plan, while the preview dialog renders (issue 6: drop → preview under 1 s). */
const withPrefetch = (p: PlanPreview): PlanPreview => {
  performance.mark('roster:proposed');
  if (p.planned.ok) prefetchAccessPreview(p.planned.ops);
  return p;
};

const membersOf = async (group: GroupRow, overlay: GroupsOverlay): Promise<Set<string>> => {
  const confirmed = group.pending === 'created' ? [] : await groupAccountIds(db, group.id);
  return new Set(mergeMembers(confirmed, overlay, group.id).members);
};

/** "Remove from group" of the selected accounts → the plan to preview, with who loses access. */
export const proposeRemoveAccounts = async (group: GroupRow, accountIds: readonly string[], overlay: GroupsOverlay): Promise<PlanPreview> => {
  const planned = planRemoveAccounts({ group, accountIds, members: await membersOf(group, overlay) });
  return withPrefetch({ title: `Remove ${plural(accountIds.length, 'account')} from ${group.name}`, target: group, planned });
};

/** A drop (or "Add to group…") of accounts on a group → the plan to preview. */
export const proposeAddAccounts = async (
  target: GroupRow,
  accountIds: readonly string[],
  overlay: GroupsOverlay,
  primary: PrimaryAccountRef | null,
): Promise<PlanPreview> => {
  performance.mark('roster:propose');
  const planned = planAddAccounts({ group: target, accountIds, members: await membersOf(target, overlay), primaryAccountId: primary?.accountId ?? null });
  const n = accountIds.length;
  return withPrefetch({ title: `Add ${fmt(n)} account${n === 1 ? '' : 's'} to ${target.name}`, target, planned });
};

/** Users dropped on a group, with the roles picked for them → the plan to preview. */
export const proposeAddUserRoles = async (target: GroupRef, userIds: readonly string[], roleIds: readonly string[]): Promise<PlanPreview> => {
  const links = await db.AccountGroupUserRole.where('accountGroupId').equals(target.id).toArray();
  const existing = new Set(links.map((l) => `${l.userId}\n${l.roleId}`));
  const planned = planAddUserRoles({ group: target, userIds, roleIds, existing });
  return withPrefetch({ title: `Add ${plural(userIds.length, 'user')} to ${target.name}`, target, planned });
};
