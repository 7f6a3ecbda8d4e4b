import { db } from '../../app/db';
import { groupAccountIds } from '../../cache';
import type { PendingMarks } from '../../domain/optimisticView';
import { mergeMembers } from './marks';
import { planAddAccounts, planAddUserRoles, planMoveAccounts, planRemoveAccounts, type GroupRef, type PrimaryAccountRef } from '../../domain/groupPlans';
import type { GroupRow } from './data';
import type { PlanPreview } from './uiStore';
import { plural } from '../../app/format';
import { adoptAccessPreview, prefetchAccessPreview, startAccessPreview } from '../../domain/accessClient';
import type { WhatIfSummary } from '../../domain/accessPreview';

/**
 * The what-if starts with the plan, while the preview dialog renders (drop → preview
 * under 1 s); `started` is one already under way whose diff the plan's equals.
 */
const withPrefetch = (p: PlanPreview, started?: Promise<WhatIfSummary>): PlanPreview => {
  if (p.planned.ok) {
    if (started) adoptAccessPreview(p.planned.ops, started);
    else prefetchAccessPreview(p.planned.ops);
  }
  return p;
};

const NO_MEMBERS: ReadonlySet<string> = new Set();

/** The title counts the change, not the selection: "231 of 300 accounts" when 69 are members already. */
export const changeCount = (planned: PlanPreview['planned'], selected: number): string => {
  const changed = planned.ok ? planned.ops.reduce((n, op) => n + ('accountIds' in op ? op.accountIds.length : 0), 0) : selected;
  return changed > 0 && changed < selected ? `${changed} of ${plural(selected, 'account')}` : plural(selected, 'account');
};

const membersOf = async (group: GroupRow, marks: PendingMarks): Promise<Set<string>> => {
  const confirmed = group.pending === 'created' ? [] : await groupAccountIds(db, group.id);
  return new Set(mergeMembers(confirmed, marks.groups[group.id]).members);
};

/** "Remove from group" of the selected accounts → the plan to preview, with who loses access. */
export const proposeRemoveAccounts = async (group: GroupRow, accountIds: readonly string[], marks: PendingMarks): Promise<PlanPreview> => {
  const planned = planRemoveAccounts({ group, accountIds, members: await membersOf(group, marks) });
  return withPrefetch({ title: `Remove ${changeCount(planned, accountIds.length)} from ${group.name}`, target: group, planned });
};

/** A drop (or "Add to group…") of accounts on a group → the plan to preview. */
export const proposeAddAccounts = async (
  target: GroupRow,
  accountIds: readonly string[],
  marks: PendingMarks,
  primary: PrimaryAccountRef | null,
): Promise<PlanPreview> => {
  const primaryAccountId = primary?.accountId ?? null;
  // The what-if starts before the group's members are read (and before the drop's re-render):
  // re-adding a member changes no one's access, so its diff is the final plan's diff.
  const early = planAddAccounts({ group: target, accountIds, members: NO_MEMBERS, primaryAccountId });
  const diff = early.ok ? startAccessPreview(early.ops) : undefined;
  const planned = planAddAccounts({ group: target, accountIds, members: await membersOf(target, marks), primaryAccountId });
  return withPrefetch({ title: `Add ${changeCount(planned, accountIds.length)} to ${target.name}`, target, planned }, diff);
};

/** Users dropped on a group, with the roles picked for them → the plan to preview. */
export const proposeAddUserRoles = async (target: GroupRef, userIds: readonly string[], roleIds: readonly string[]): Promise<PlanPreview> => {
  const links = await db.AccountGroupUserRole.where('accountGroupId').equals(target.id).toArray();
  const existing = new Set(links.map((l) => `${l.userId}\n${l.roleId}`));
  const planned = planAddUserRoles({ group: target, userIds, roleIds, existing });
  return withPrefetch({ title: `Add ${plural(userIds.length, 'user')} to ${target.name}`, target, planned });
};

/** A move (Shift+drop, or "Move" in "Add to group…") → one plan: leave the source, join the target. */
export const proposeMoveAccounts = async (
  source: GroupRow,
  target: GroupRow,
  accountIds: readonly string[],
  marks: PendingMarks,
  primary: PrimaryAccountRef | null,
): Promise<PlanPreview> => {
  const [from, to] = await Promise.all([membersOf(source, marks), membersOf(target, marks)]);
  const planned = planMoveAccounts(source, { group: target, accountIds, members: to, primaryAccountId: primary?.accountId ?? null }, from);
  return withPrefetch({ title: `Move ${plural(accountIds.length, 'account')} from ${source.name} to ${target.name}`, target, planned });
};
