import type { AccessState, EffectiveAccess, ReachEntry, Via } from '../../../../shared/access';
import type { Option } from '../../components/EntityPicker';
import type { Route } from '../../app/areas';
import { planRemoveUsersFromGroup, type Planned } from '../../domain/groupPlans';

/** Pure helpers of the Access explorer: pickers' options, the way in said in words, R10 choices. */

export type { Option };

export { userOptions } from '../../domain/accountAccess';

export const accountOptions = (s: AccessState): Option[] =>
  s.accounts
    .keys()
    .map((id) => ({ id, label: s.accounts.get(id)?.name ?? id, detail: id }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));

export const VIA_LABEL: Record<Via, string> = {
  direct: 'Direct (User Management, R6)',
  group: 'Account group (R7)',
  sso: 'SSO through a group (R12)',
  partner: 'Partner service (R25)',
  none: 'No access',
};

/** R10, R16: the Support Access Role's choices and plan live with the account's other settings. */
export { planSupportAccessRole, supportAccessChoices, supportAccessSentence, type RoleChoice as SupportAccessChoice } from '../../domain/accountAccess';

/** Where a name in the explorer leads: the group on the Groups screen, the account's own view. */
export const groupRoute = (groupId: string): Route => ({ area: 'groups', item: groupId });
export const accountViewRoute = (accountId: string): Route => ({ area: 'review', item: `account:${accountId}` });

/**
 * The reach list narrowed to what the admin typed (account name, id or a role), case-insensitive.
 * A user in All Accounts reaches every account (98,000 rows): this runs once per keystroke over
 * plain strings, outside React's rendering, and keeps the list's order.
 */
export const filterReach = (rows: readonly ReachEntry[], query: string): readonly ReachEntry[] => {
  const q = query.trim().toLowerCase();
  if (!q) return rows;
  const { names, ids, roles } = searchText(rows);
  return rows.filter((_r, i) => names[i]!.includes(q) || ids[i]!.includes(q) || roles[i]!.includes(q));
};

/**
 * Each row's searchable words lower-cased once per list, not once per keystroke. The rows of one
 * role combination share one roles array (reach builds it once per combination), so its words
 * are lower-cased once too.
 */
const texts = new WeakMap<readonly ReachEntry[], { names: string[]; ids: string[]; roles: string[] }>();
const searchText = (rows: readonly ReachEntry[]) => {
  let t = texts.get(rows);
  if (!t) {
    const byRoles = new Map<readonly string[], string>();
    const rolesOf = (r: readonly string[]) => {
      let s = byRoles.get(r);
      if (s === undefined) byRoles.set(r, (s = r.join('\u0001').toLowerCase()));
      return s;
    };
    texts.set(rows, (t = { names: rows.map((r) => r.name.toLowerCase()), ids: rows.map((r) => r.accountId.toLowerCase()), roles: rows.map((r) => rolesOf(r.roles)) }));
  }
  return t;
};

/** Lower-cases a list's words ahead of the first keystroke (the search box takes the focus). */
export const prepareReachSearch = (rows: readonly ReachEntry[]): void => void searchText(rows);

/** The groups an explanation names (roles given and roles ignored), each once, in order of mention. */
export const groupsOf = (e: Pick<EffectiveAccess, 'roles' | 'ignored'>): { groupId: string; groupName: string }[] => {
  const seen = new Map<string, string>();
  for (const r of [...e.roles, ...e.ignored]) for (const src of r.sources) if (src.kind === 'group' && !seen.has(src.groupId)) seen.set(src.groupId, src.groupName);
  return [...seen].map(([groupId, groupName]) => ({ groupId, groupName }));
};

/** "Remove from group" of one user, from the explorer: every role they hold in the group goes (R7). */
export const planRemoveFromGroup = (s: AccessState, userId: string, groupId: string): Planned => {
  const group = s.groups.get(groupId);
  if (!group) return { ok: false, reason: `No group ${groupId} in the cache.` };
  const roleIds = [...(s.userGroupRoles.getSet(userId, groupId) ?? [])];
  return planRemoveUsersFromGroup({ id: groupId, name: group.name, defaultGroup: group.defaultGroup === true }, [{ userId, roleIds }]);
};
