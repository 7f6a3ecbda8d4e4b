import type { AccessState } from '../../../shared/access';
import { userName } from '../../../shared/access/reach';
import type { Route } from '../app/areas';

export type SearchKind = 'group' | 'account' | 'user' | 'resource' | 'service';

export interface SearchItem {
  kind: SearchKind;
  id: string;
  label: string;
  /** Shown under the label: the id, e-mail or type. */
  detail: string;
  /** Lower-cased name, id and e-mail: what a query is matched against. */
  text: string;
}

export const KIND_LABEL: Record<SearchKind, string> = {
  group: 'Groups',
  account: 'Accounts',
  user: 'Users',
  resource: 'Resources',
  service: 'Partner services',
};

/** One flat list of everything the palette finds, built once per cache change (confirmed ⊕ pending). */
export const buildSearchIndex = (s: AccessState): SearchItem[] => {
  const out: SearchItem[] = [];
  const add = (kind: SearchKind, id: string, label: string, detail: string) => out.push({ kind, id, label, detail, text: `${label}\n${id}\n${detail}`.toLowerCase() });
  for (const id of s.groups.keys()) add('group', id, s.groups.get(id)!.name, id);
  for (const id of s.accounts.keys()) add('account', id, s.accounts.get(id)!.name ?? id, id);
  for (const id of s.users.keys()) add('user', id, userName(s, id), id);
  for (const key of s.catalogue.keys()) {
    const c = s.catalogue.get(key)!;
    // Built-in roles reach every account already and are not resources of a group (R14, R15).
    if (c.objectType === 'Role' && c.ineligible) continue;
    add('resource', c.id, c.name, c.objectType);
  }
  for (const id of s.services.keys()) {
    const svc = s.services.get(id)!;
    add('service', id, svc.name, svc.partnerOrganisation);
  }
  return out;
};

/**
 * Substring match on name, id or e-mail, at most `perKind` of each kind; names that start with
 * the query come first. An empty query finds nothing (the palette then says what it searches).
 */
export const searchItems = (index: readonly SearchItem[], query: string, perKind = 8): SearchItem[] => {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits = new Map<SearchKind, SearchItem[]>();
  for (const it of index) {
    if (!it.text.includes(q)) continue;
    const list = hits.get(it.kind) ?? [];
    list.push(it);
    hits.set(it.kind, list);
  }
  const rank = (it: SearchItem) => (it.label.toLowerCase().startsWith(q) ? 0 : 1);
  return (Object.keys(KIND_LABEL) as SearchKind[]).flatMap((k) =>
    (hits.get(k) ?? []).sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label)).slice(0, perKind),
  );
};

/** Where Enter takes the admin: the item's own page (an account opens on its name, in the explorer). */
export const routeOf = (it: SearchItem): Route => {
  switch (it.kind) {
    case 'group':
      return { area: 'groups', item: it.id };
    case 'account':
      return { area: 'access-explorer', item: `account:${it.id}` };
    case 'user':
      return { area: 'access-explorer', item: `user:${it.id}` };
    case 'resource':
      return { area: 'resources', item: it.id };
    case 'service':
      return { area: 'partner-access', item: it.id };
  }
};
