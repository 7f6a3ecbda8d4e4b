import { buildState, type AccessState } from '../../../shared/access';
import { applyOps } from '../../../shared/plans/apply';
import { provisionalGroupId, type PlanOp } from '../../../shared/plans/types';
import type { OutboxOp } from '../../../shared/sync/types';
import { cacheVersion, loadSnapshot, viewEntries, type RosterDb } from '../cache';

/**
 * The one optimistic view of the renderer: confirmed ⊕ queued (DESIGN.md, Edit). Every screen,
 * the explorer and the previews read it; nothing else replays the outbox. The confirmed indexes
 * are built once per cache version; the queued ops are replayed through each op's `perform`
 * (shared/plans applyOps) on an O(1) fork, once per outbox change, so ops of every kind show
 * everywhere. In the page it serves the Resources, Explorer, Partner and Sync areas; in the
 * access worker it serves the previews and the Groups area's pending marks (pendingMarks), so
 * the Groups screen never builds the indexes on the UI thread.
 */
export interface OptimisticView {
  /** Changes whenever the confirmed cache or the ops in the view change. */
  key: string;
  confirmed: AccessState;
  state: AccessState;
  ops: PlanOp[];
}

/** The key of a view: the cache version and each op in it with its status. */
export const viewKey = (version: string, entries: readonly Pick<OutboxOp, 'id' | 'status'>[]): string =>
  `${version}#${entries.map((e) => `${e.id}:${e.status}`).join(',')}`;

/** Pure: the view of `ops` on `confirmed`; refused ops change nothing (they surface on the Sync screen). */
export const viewOn = (confirmed: AccessState, ops: readonly PlanOp[]): AccessState => (ops.length ? applyOps(confirmed, ops).state : confirmed);

const confirmedMemo = new WeakMap<RosterDb, { version: string; state: Promise<AccessState> }>();

/** The rules engine's indexes over the confirmed cache, built once per cache version. */
export const confirmedState = async (db: RosterDb, version?: string): Promise<AccessState> => {
  const v = version ?? (await cacheVersion(db));
  let memo = confirmedMemo.get(db);
  if (memo?.version !== v) confirmedMemo.set(db, (memo = { version: v, state: loadSnapshot(db).then(buildState) }));
  return memo.state;
};

const viewMemo = new WeakMap<RosterDb, { key: string; view: Promise<OptimisticView> }>();

/** The current view: re-replayed only when the cache or the outbox changed since it was last asked for. */
export const optimisticView = async (db: RosterDb): Promise<OptimisticView> => {
  const [version, entries] = await Promise.all([cacheVersion(db), viewEntries(db)]);
  const key = viewKey(version, entries);
  const memo = viewMemo.get(db);
  if (memo?.key === key) return memo.view;
  const ops = entries.map((e) => e.args);
  const view = confirmedState(db, version).then((confirmed) => ({ key, confirmed, ops, state: viewOn(confirmed, ops) }));
  viewMemo.set(db, { key, view });
  return view;
};

/**
 * What the Groups area marks as pending, per group the queued ops touch: its name in the view
 * and every link whose presence the view changes, with its value in the view (true: there). A
 * screen compares these values with the confirmed tables it reads, so marks stay right while a
 * refresh rewrites those tables underneath. Plain data: it crosses from the worker.
 */
export interface GroupMarks {
  /** Queued creation: the group is not on the platform yet. */
  created: boolean;
  /** The group's name in the view, when it differs from the confirmed one. */
  name?: string;
  accounts: Record<string, boolean>;
  /** `userId\nroleId` → whether the user holds the role in this group in the view. */
  userRoles: Record<string, boolean>;
}

export interface PendingMarks {
  key: string;
  groups: Record<string, GroupMarks>;
}

export const NO_MARKS: PendingMarks = { key: '', groups: {} };

export const userRoleKey = (userId: string, roleId: string): string => `${userId}\n${roleId}`;

const groupIdsOf = (ops: readonly PlanOp[]): Set<string> => {
  const ids = new Set<string>();
  for (const op of ops) {
    if (op.op === 'group.create') ids.add(provisionalGroupId(op.name.trim()));
    else if ('groupId' in op) ids.add(op.groupId);
  }
  return ids;
};

/** Links of `groupId` whose presence differs between two states, with their value in `after`. */
const changedLinks = (before: ReadonlySet<string> | undefined, after: ReadonlySet<string> | undefined): Record<string, boolean> => {
  const out: Record<string, boolean> = {};
  for (const x of after ?? []) if (!before?.has(x)) out[x] = true;
  for (const x of before ?? []) if (!after?.has(x)) out[x] = false;
  return out;
};

const userRolesOf = (s: AccessState, groupId: string): Set<string> => {
  const out = new Set<string>();
  for (const u of s.groupUsers.get(groupId) ?? []) for (const r of s.userGroupRoles.getSet(u, groupId) ?? []) out.add(userRoleKey(u, r));
  return out;
};

/** Pure: the marks of a view, from the groups its ops name. */
export const pendingMarks = (view: Pick<OptimisticView, 'key' | 'confirmed' | 'state' | 'ops'>): PendingMarks => {
  const groups: Record<string, GroupMarks> = {};
  for (const id of groupIdsOf(view.ops)) {
    const before = view.confirmed.groups.get(id);
    const after = view.state.groups.get(id);
    if (!after && !before) continue;
    const m: GroupMarks = {
      created: !before && !!after,
      accounts: changedLinks(view.confirmed.groupAccounts.get(id), view.state.groupAccounts.get(id)),
      userRoles: changedLinks(userRolesOf(view.confirmed, id), userRolesOf(view.state, id)),
    };
    if (after && after.name !== before?.name) m.name = after.name;
    groups[id] = m;
  }
  return { key: view.key, groups };
};
