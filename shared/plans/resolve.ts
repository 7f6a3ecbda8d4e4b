import type { ResourceObjectType } from '../model';
import type { AccessState } from '../access/state';
import { groupNameKey, isBuiltIn, isKnownUser, primaryAccountId } from '../access/state';
import { provisionalGroupId, type PlanOpOf } from './types';

export interface Resolver {
  errors: string[];
  at(where: string): void;
  fail(message: string): void;
  primary(): string | undefined;
  group(ref: string): string;
  account(id: string): string;
  accounts(ids: string[]): string[];
  /** A user by e-mail/id; `isNew`: an id the admin confirmed as new is taken as given. */
  user(ref: string, isNew?: boolean): string;
  users(refs: string[]): string[];
  /** The users a removal names; one Roster does not know is taken as given (see below). */
  usersToRemove(refs: string[]): string[];
  role(ref: string): string;
  roles(refs: string[]): string[];
  /** The role a role.delete names; with its `name` too, a role already gone resolves (see below). */
  roleToDelete(ref: string, name?: string): string;
  service(ref: string): string;
  resource(x: { objectType: ResourceObjectType; resourceId: string }): { objectType: ResourceObjectType; resourceId: string };
  created(op: PlanOpOf<'group.create'>): PlanOpOf<'group.create'>;
  renamed(op: PlanOpOf<'group.rename'>): PlanOpOf<'group.rename'>;
}

const lazy = <T>(make: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= make());
};

const SHARED_SUFFIX = / \(shared\)$/;

const rolesByNameOf = (s: AccessState): Map<string, string[]> => {
  const m = new Map<string, string[]>();
  for (const id of s.roles.keys()) {
    const key = s.roles.get(id)!.name.toLowerCase();
    m.set(key, [...(m.get(key) ?? []), id]);
  }
  return m;
};

/** A role by id or name (R16: "Name (shared)" accepted); ties go to built-in, then the primary's. */
const findRole = (s: AccessState, ref: string, byName: Map<string, string[]>, primary?: string): string | { error: string } => {
  if (s.roles.has(ref)) return ref;
  const ids = byName.get(ref.replace(SHARED_SUFFIX, '').toLowerCase()) ?? [];
  if (ids.length === 1) return ids[0]!;
  const pick = ids.find((id) => isBuiltIn(s.roles.get(id))) ?? ids.find((id) => s.roles.get(id)!.accountId === primary);
  if (pick) return pick;
  return { error: ids.length > 1 ? `role name "${ref}" is ambiguous (${ids.length} roles); use its id` : `unknown role "${ref}"` };
};

/** Name → id lookups over one state; groups created or renamed earlier in the plan count. */
export const makeResolver = (s: AccessState): Resolver => {
  const errors: string[] = [];
  let where = '';
  const primary = lazy(() => primaryAccountId(s));
  const planGroups = new Map<string, string>();
  const usersByMail = lazy(() => new Map(s.users.keys().map((u) => [u.toLowerCase(), u])));
  const rolesByName = lazy(() => rolesByNameOf(s));
  const fail = (message: string) => errors.push(`${where}: ${message}`);
  const unknown = (what: string, ref: string) => {
    fail(`unknown ${what} "${ref}"`);
    return ref;
  };
  // A typo must not create a user on the platform: say so, and how to confirm a real new one.
  const unknownUser = (ref: string) => {
    fail(`unknown user "${ref}": Roster has never seen this user id; check the spelling (a new user is confirmed in an account.addUserRoles op's "newUsers")`);
    return ref;
  };
  const groupKey = (name: string) => groupNameKey(primary() ?? '', name);
  const role = (ref: string): string => {
    const found = findRole(s, ref, rolesByName(), primary());
    if (typeof found === 'string') return found;
    fail(found.error);
    return ref;
  };
  const user = (ref: string, isNew = false) =>
    usersByMail().get(ref.toLowerCase()) ?? (isKnownUser(s, ref) || isNew ? ref : unknownUser(ref));
  /**
   * A removal may name a user Roster does not know. Where the API lists no users (the vendor's),
   * Roster knows a user only by their roles, and removing a user's last role on an account
   * removes them from it: re-applying a plan that took someone's last roles names a user Roster
   * can no longer see. Unlike an add (where a typo would create a user, so it stays refused),
   * removing from an unknown id sends nothing and can harm nobody: nobody by that id holds a role
   * here. So it resolves as given, and the op's module reports it unchanged with a note naming
   * the id and saying it may be a typo — a slip is never reported as done.
   */
  const userToRemove = (ref: string) => usersByMail().get(ref.toLowerCase()) ?? ref;
  const account = (id: string) => (s.accounts.has(id) ? id : unknown('account', id));
  const service = (ref: string): string => {
    if (s.services.has(ref)) return ref;
    const byName = s.services.keys().filter((id) => s.services.get(id)!.name === ref);
    return byName.length === 1 ? byName[0]! : unknown('partner service', ref);
  };

  /**
   * Re-applying a plan must change nothing (DESIGN.md "Plan files"), but once a role is deleted a
   * plan naming it no longer resolves, and a role that does not exist looks the same whether an
   * earlier run deleted it or the plan mistypes it. A one-word ref cannot tell them apart, so it
   * stays "unknown role" (saying how to make the op re-appliable): reporting a typo as done would
   * leave the intended role in place while the admin believes it gone. A role.delete that gives
   * both the role's id (`role`) and its `name` can: the id must be no role's, and no role may be
   * named `name` — then it is the role an earlier run deleted, and the op resolves to that id
   * (its module reports it unchanged and sends nothing). A slip in one of the two is caught by
   * the other: an id that exists under another name, or a name that now belongs to another id,
   * is refused. Only a slip in both at once passes, as the delete of a role that never existed.
   */
  const roleToDelete = (ref: string, name?: string): string => {
    if (name === undefined) {
      const found = findRole(s, ref, rolesByName(), primary());
      if (typeof found === 'string') return found;
      const nameless = !(rolesByName().get(ref.replace(SHARED_SUFFIX, '').toLowerCase())?.length);
      fail(nameless
        ? `${found.error}: no role has this id or name; if an earlier run deleted it, give the role's id as "role" and its "name" so that a re-run reports it unchanged`
        : found.error);
      return ref;
    }
    const key = name.replace(SHARED_SUFFIX, '').trim().toLowerCase();
    const byId = s.roles.get(ref);
    if (byId) {
      if (byId.name.trim().toLowerCase() !== key) fail(`role "${ref}" is named "${byId.name}", not "${name}"; check the plan`);
      return ref;
    }
    const named = rolesByName().get(key) ?? [];
    if (named.length) {
      fail(`role "${ref}" does not exist, but a role named "${name}" does (id ${named.join(', ')}); check the plan's id`);
      return ref;
    }
    // Neither the id nor the name is any role's: the role this op names is already gone.
    return ref;
  };

  return {
    errors,
    at: (w) => (where = w),
    fail,
    primary,
    group(ref) {
      if (s.groups.has(ref)) return ref;
      const key = groupKey(ref);
      return planGroups.get(key) ?? s.groupNames.get(key) ?? unknown('group', ref);
    },
    account,
    accounts: (ids) => ids.map(account),
    user,
    users: (refs) => refs.map((u) => user(u)),
    usersToRemove: (refs) => refs.map(userToRemove),
    role,
    roles: (refs) => refs.map(role),
    roleToDelete,
    service,
    resource: (x) => ({ objectType: x.objectType, resourceId: x.objectType === 'Role' ? role(x.resourceId) : x.resourceId }),
    created(op) {
      const key = groupKey(op.name);
      if (!planGroups.has(key) && !s.groupNames.has(key)) planGroups.set(key, provisionalGroupId(op.name.trim()));
      return op;
    },
    renamed(op) {
      planGroups.set(groupKey(op.name), op.groupId);
      return op;
    },
  };
};
