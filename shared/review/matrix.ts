import type { AccessState } from '../access';
import { roleLabel } from '../access';
import { userName } from '../access/reach';
import { sortedAccounts, sortedGroups } from './tables';

/**
 * The two matrix views of a layout: groups × accounts (membership) and users × groups (roles).
 * Rows and columns are id lists (the UI virtualises both ways); a cell is looked up from the
 * indexes on demand, so nothing here is O(rows × columns) (DESIGN.md "Scale the design must hold").
 */
export type MatrixKind = 'membership' | 'roles';

export interface MatrixQuery {
  /** Rows whose name or id contains it (case-insensitive). */
  rowSearch: string;
  /** Columns (groups) whose name or id contains it. */
  columnSearch: string;
  /** `name`: A→Z; `cells`: most cells among the shown columns first, then by name. */
  sort: 'name' | 'cells';
  /** Only rows with at least one cell among the shown columns. */
  onlyWithCells: boolean;
}

export const DEFAULT_QUERY: MatrixQuery = { rowSearch: '', columnSearch: '', sort: 'name', onlyWithCells: false };

export interface Matrix {
  kind: MatrixKind;
  rows: string[];
  columns: string[];
  /** Per shown row (same order), how many of the shown columns hold a cell. */
  counts: number[];
}

/** Names and order, built once per state: searching and sorting then never sort 20,000 names again. */
export interface MatrixAxes {
  accounts: string[];
  users: string[];
  groups: string[];
  /** Lower-cased "name\nid" per id, for the searches. */
  text: Map<string, string>;
}

export const matrixAxes = (s: AccessState): MatrixAxes => {
  const text = new Map<string, string>();
  const accounts = sortedAccounts(s);
  for (const a of accounts) text.set(`a\n${a}`, `${s.accounts.get(a)?.name ?? ''}\n${a}`.toLowerCase());
  const groups = sortedGroups(s);
  for (const g of groups) text.set(`g\n${g}`, `${s.groups.get(g)?.name ?? ''}\n${g}`.toLowerCase());
  const userIds = new Set([...s.users.keys(), ...s.userGroupRoles.keys()]);
  const users = [...userIds].map((u) => ({ u, k: `${userName(s, u).toLowerCase()}\n${u.toLowerCase()}` }))
    .sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0)).map((x) => x.u);
  for (const u of users) text.set(`u\n${u}`, `${userName(s, u)}\n${u}`.toLowerCase());
  return { accounts, users, groups, text };
};

const matches = (axes: MatrixAxes, prefix: string, id: string, q: string): boolean =>
  !q || (axes.text.get(`${prefix}\n${id}`) ?? id.toLowerCase()).includes(q);

/** The cells of one row among the shown columns: walks the smaller of the row's set and the columns. */
const rowCount = (rowCols: { has(g: string): boolean; size: number; keys(): Iterable<string> } | undefined, shown: ReadonlySet<string>, all: boolean): number => {
  if (!rowCols) return 0;
  if (all) return rowCols.size;
  let n = 0;
  if (rowCols.size <= shown.size) { for (const g of rowCols.keys()) if (shown.has(g)) n++; }
  else for (const g of shown) if (rowCols.has(g)) n++;
  return n;
};

export const buildMatrix = (s: AccessState, axes: MatrixAxes, kind: MatrixKind, q: MatrixQuery): Matrix => {
  const cq = q.columnSearch.trim().toLowerCase();
  const rq = q.rowSearch.trim().toLowerCase();
  const columns = axes.groups.filter((g) => matches(axes, 'g', g, cq));
  const shown = new Set(columns);
  const all = columns.length === axes.groups.length;
  const prefix = kind === 'membership' ? 'a' : 'u';
  const source = kind === 'membership' ? axes.accounts : axes.users;
  const rows: { id: string; n: number; i: number }[] = [];
  source.forEach((id, i) => {
    if (!matches(axes, prefix, id, rq)) return;
    const n = rowCount(kind === 'membership' ? s.accountGroups.get(id) : s.userGroupRoles.get(id), shown, all);
    if (q.onlyWithCells && n === 0) return;
    rows.push({ id, n, i });
  });
  if (q.sort === 'cells') rows.sort((x, y) => y.n - x.n || x.i - y.i);
  return { kind, rows: rows.map((r) => r.id), columns, counts: rows.map((r) => r.n) };
};

/** Membership: is the account in the group (R2)? */
export const isMember = (s: AccessState, groupId: string, accountId: string): boolean => s.groupAccounts.has(groupId, accountId);

/** Roles: the user's role ids in the group (R7), sorted by their R16 label as seen from the group's owner. */
export const roleIdsInGroup = (s: AccessState, userId: string, groupId: string): string[] => {
  const ids = s.userGroupRoles.getSet(userId, groupId);
  if (!ids) return [];
  const at = s.groups.get(groupId)?.accountId ?? '';
  return [...ids].sort((x, y) => roleLabel(s, x, at).localeCompare(roleLabel(s, y, at)));
};

/** "Serv User1 (ServUser1@boomi.com)", or the id alone when the cache knows no name. */
export const userLabel = (s: AccessState, userId: string): string => {
  const name = userName(s, userId);
  return name === userId ? userId : `${name} (${userId})`;
};
