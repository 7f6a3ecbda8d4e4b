import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../app/db';
import type { PlanOp } from '../../../../shared/plans/types';
import { userInWords, type Names } from '../../../../shared/plans/describe';
import type { SkippedAccount } from '../../domain/groupPlans';
import { PlanPreviewDialog } from '../../components/PlanPreviewDialog';
import type { GroupRow } from './data';
import type { PlanPreview } from './uiStore';

const NAMED = 50;
const NO_OPS: PlanOp[] = [];
const NO_SKIPPED: SkippedAccount[] = [];

/**
 * The Groups area reads the confirmed tables, not the whole access view, so the names its
 * preview prints are looked up here: only those the dialog shows, and a 20,000-account plan
 * stays instant.
 */
const useGroupNames = (ops: PlanOp[], skipped: readonly SkippedAccount[], groups: readonly GroupRow[]): Names => {
  const accounts = useLiveQuery(async () => {
    const ids = [...ops.flatMap((o) => ('accountIds' in o ? o.accountIds.slice(0, NAMED) : [])), ...skipped.slice(0, NAMED).map((s) => s.accountId)];
    const rows = await db.Account.bulkGet(ids);
    return new Map(ids.map((id, i) => [id, rows[i]?.name ?? id]));
  }, [ops, skipped]);
  const roles = useLiveQuery(() => db.Role.toArray(), []);
  // Each person by name and e-mail, as every screen names one.
  const people = useLiveQuery(async () => {
    const ids = [...new Set(ops.flatMap((o) => ('userIds' in o ? o.userIds.slice(0, NAMED) : [])))];
    const users = await db.User.bulkGet(ids);
    return new Map(ids.map((id, i) => [id, [users[i]?.firstName, users[i]?.lastName].filter(Boolean).join(' ') || null]));
  }, [ops]);
  return useMemo(
    () => ({
      group: (id: string) => groups.find((g) => g.id === id)?.name ?? id,
      account: (id: string) => accounts?.get(id) ?? id,
      role: (id: string) => roles?.find((r) => r.id === id)?.name ?? id,
      user: (id: string) => userInWords(id, people?.get(id)),
      service: (id: string) => id,
    }),
    [groups, accounts, roles, people],
  );
};

/** A Groups plan (a drop, a menu choice) in the one preview every area uses. */
export const GroupPlanPreview = ({ preview, groups, onQueued, onClose }: { preview: PlanPreview; groups: readonly GroupRow[]; onQueued: (summary: string) => void; onClose: () => void }) => {
  const { planned } = preview;
  const ops = planned.ok ? planned.ops : NO_OPS;
  const skipped = planned.ok ? planned.skipped : NO_SKIPPED;
  const names = useGroupNames(ops, skipped, groups);
  return (
    <PlanPreviewDialog
      title={preview.title}
      ops={ops}
      refusal={planned.ok ? undefined : planned.reason}
      skipped={skipped}
      names={names}
      onClose={onClose}
      onQueued={onQueued}
    />
  );
};
