import { provisionalGroupId } from '../plans/types';
import type { OutboxOp } from './types';

/**
 * "Take theirs" on a create that may have been renamed (calls/groupCreate.ts): the admin adopts
 * the group someone else renamed, so the ops queued after it on `new:<name>` land on that group.
 * Only when the conflict names exactly one candidate; otherwise there is nothing to adopt.
 */
export const adoption = (op: OutboxOp): { from: string; to: string } | undefined => {
  if (op.args.op !== 'group.create' || op.status !== 'conflict' || op.conflict?.length !== 1) return undefined;
  const [c] = op.conflict;
  if (c!.expectation.type !== 'AccountGroup' || c!.note === undefined) return undefined;
  return { from: provisionalGroupId(op.args.name), to: c!.expectation.id };
};

/** The op with every reference to the provisional group `from` replaced by the real group `to`. */
export const rewireGroup = (op: OutboxOp, from: string, to: string): OutboxOp => {
  const a = op.args as { groupId?: string };
  if (a.groupId !== from) return op;
  return { ...op, args: { ...op.args, groupId: to } as OutboxOp['args'] };
};
