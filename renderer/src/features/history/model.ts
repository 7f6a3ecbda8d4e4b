import Papa from 'papaparse';
import type { HistoryEntry } from '../../cache';
import type { PlanOp } from '../../../../shared/plans/types';

export type HistoryFilter = 'all' | 'failed' | 'undoable';

/** Why Undo is not offered for this plan, or null when it is. */
export const undoRefusal = (h: HistoryEntry): string | null => {
  if (h.undoneBy) return 'Already undone: the undo was queued.';
  if (h.inverse.length === 0) return h.ops.every((o) => o.status !== 'applied') ? 'Nothing to undo: the plan changed nothing on the platform.' : 'This change cannot be undone through the platform API.';
  return null;
};

/** Free text over every op's words, the platform, the admin and the results; plus the chosen kind. */
export const filterHistory = (entries: readonly HistoryEntry[], query: string, kind: HistoryFilter, describe: (op: PlanOp) => string): HistoryEntry[] => {
  const q = query.trim().toLowerCase();
  return entries.filter((h) => {
    if (kind === 'failed' && !h.ops.some((o) => o.status === 'failed')) return false;
    if (kind === 'undoable' && undoRefusal(h)) return false;
    if (!q) return true;
    const words = [h.platform, h.admin, h.planId, ...h.ops.flatMap((o) => [describe(o.op), o.status, o.error ?? ''])];
    return words.some((w) => w.toLowerCase().includes(q));
  });
};

export const CSV_FIELDS = ['appliedAt', 'queuedAt', 'platform', 'admin', 'planId', 'op', 'kind', 'change', 'result', 'error', 'undoneBy'] as const;

/** One CSV row per op (a plan's ops share its when, platform and admin), with a header. */
export const historyCsv = (entries: readonly HistoryEntry[], describe: (op: PlanOp) => string): string =>
  Papa.unparse(
    {
      fields: [...CSV_FIELDS],
      data: entries.flatMap((h) =>
        h.ops.map((o, i) => [h.appliedAt, h.queuedAt, h.platform, h.admin, h.planId, i + 1, o.op.op, describe(o.op), o.status, o.error ?? '', h.undoneBy ?? '']),
      ),
    },
    { newline: '\n' },
  );
