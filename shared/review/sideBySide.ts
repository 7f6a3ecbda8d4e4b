import type { AccessState } from '../access';
import { accountResources, reach, roleLabel, who } from '../access';
import { userName } from '../access/reach';
import { groupResourcesOf } from '../access/state';
import { viaText } from './report';

/**
 * Compare two side by side: any two users, groups or accounts, facet by facet (groups, roles,
 * accounts reached, resources…). Each row says what A and B have of one thing (null: lacks it),
 * so "what one has that the other lacks" is the rows whose sides differ.
 */
export type SideKind = 'user' | 'group' | 'account';

export interface SideRow {
  section: string;
  /** Stable within a compare: section and the thing's id. */
  key: string;
  item: string;
  a: string | null;
  b: string | null;
}

type Facet = Map<string, { item: string; value: string }>;

const roleText = (s: AccessState, roleIds: Iterable<string>, at: string): string =>
  [...roleIds].map((r) => roleLabel(s, r, at)).sort().join(', ');

const userFacets = (s: AccessState, u: string): [string, Facet][] => {
  const groups: Facet = new Map();
  for (const [g, roles] of s.userGroupRoles.get(u) ?? []) {
    const group = s.groups.get(g);
    groups.set(g, { item: group?.name ?? g, value: roleText(s, roles, group?.accountId ?? '') });
  }
  const direct: Facet = new Map();
  for (const a of s.userAccounts.get(u) ?? []) {
    const roles = s.aurRoles.get(`${a}\n${u}`);
    if (roles?.size) direct.set(a, { item: s.accounts.get(a)?.name ?? a, value: roleText(s, roles, a) });
  }
  const reached: Facet = new Map();
  for (const r of reach(s, u)) reached.set(r.accountId, { item: r.name, value: `${r.roles.join(', ') || '—'} (${viaText(r.via)})` });
  return [['Groups', groups], ['Direct roles', direct], ['Accounts reached', reached]];
};

const groupFacets = (s: AccessState, g: string): [string, Facet][] => {
  const at = s.groups.get(g)?.accountId ?? '';
  const accounts: Facet = new Map();
  for (const a of s.groupAccounts.get(g) ?? []) accounts.set(a, { item: s.accounts.get(a)?.name ?? a, value: 'member' });
  const users: Facet = new Map();
  for (const u of s.groupUsers.get(g) ?? []) users.set(u, { item: `${userName(s, u)} (${u})`, value: roleText(s, s.userGroupRoles.getSet(u, g) ?? [], at) });
  const resources: Facet = new Map();
  for (const r of groupResourcesOf(s.groups.get(g))) resources.set(`${r.objectType}\n${r.resourceId}`, { item: `${r.objectType} ${r.resourceName}`, value: 'shared' });
  return [['Accounts', accounts], ['Users with roles', users], ['Resources', resources]];
};

const accountFacets = (s: AccessState, a: string): [string, Facet][] => {
  const groups: Facet = new Map();
  for (const g of s.accountGroups.get(a) ?? []) groups.set(g, { item: s.groups.get(g)?.name ?? g, value: 'member' });
  const users: Facet = new Map();
  for (const w of who(s, a)) users.set(w.userId, { item: `${w.name} (${w.userId})`, value: `${w.roles.join(', ') || '—'} (${viaText(w.via)})` });
  const resources: Facet = new Map();
  for (const r of accountResources(s, a)) resources.set(`${r.objectType}\n${r.resourceId}`, { item: `${r.objectType} ${r.name}`, value: 'through its groups' });
  const sar = s.accounts.get(a)?.supportAccessRoleId;
  const support: Facet = new Map(sar ? [['sar', { item: 'Support Access Role', value: roleLabel(s, sar, a) }]] : []);
  return [['Groups', groups], ['Who reaches it', users], ['Resources', resources], ['Support Access Role', support]];
};

const facetsOf = (s: AccessState, kind: SideKind, id: string) =>
  kind === 'user' ? userFacets(s, id) : kind === 'group' ? groupFacets(s, id) : accountFacets(s, id);

/** Every row of both sides, by section then item name; `differencesOnly` keeps rows whose sides differ. */
export const sideBySide = (s: AccessState, kind: SideKind, a: string, b: string, differencesOnly = true): SideRow[] => {
  const fa = facetsOf(s, kind, a);
  const fb = facetsOf(s, kind, b);
  const out: SideRow[] = [];
  fa.forEach(([section, left], i) => {
    const right = fb[i]![1];
    const rows: SideRow[] = [];
    for (const id of new Set([...left.keys(), ...right.keys()])) {
      const l = left.get(id);
      const r = right.get(id);
      const row = { section, key: `${section}\n${id}`, item: (l ?? r)!.item, a: l?.value ?? null, b: r?.value ?? null };
      if (!differencesOnly || row.a !== row.b) rows.push(row);
    }
    out.push(...rows.sort((x, y) => x.item.localeCompare(y.item)));
  });
  return out;
};

/** Counts for the header: only in A, only in B, in both with another value. */
export const sideTotals = (rows: readonly SideRow[]) => ({
  onlyA: rows.filter((r) => r.a !== null && r.b === null).length,
  onlyB: rows.filter((r) => r.b !== null && r.a === null).length,
  differ: rows.filter((r) => r.a !== null && r.b !== null && r.a !== r.b).length,
});
