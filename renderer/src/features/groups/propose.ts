import { db } from '../../app/db';
import type { GroupsOverlay } from './pending';
import { mergeMembers } from './pending';
import { planAddAccounts, type PrimaryAccountRef } from './plans';
import type { GroupRow } from './data';
import type { PlanPreview } from './uiStore';
import { fmt } from '../../app/format';

/** A drop (or "Add to group…") of accounts on a group → the plan to preview. */
export const proposeAddAccounts = async (
  target: GroupRow,
  accountIds: readonly string[],
  overlay: GroupsOverlay,
  primary: PrimaryAccountRef | null,
): Promise<PlanPreview> => {
  const confirmed = target.pending === 'created' ? [] : (await db.AccountGroupAccount.where('accountGroupId').equals(target.id).toArray()).map((l) => l.accountId);
  const { members } = mergeMembers(confirmed, overlay, target.id);
  const planned = planAddAccounts({ group: target, accountIds, members: new Set(members), primaryAccountId: primary?.accountId ?? null });
  const n = accountIds.length;
  return { title: `Add ${fmt(n)} account${n === 1 ? '' : 's'} to ${target.name}`, target, planned };
};
