import type { AccessState } from '../access';
import { knownSupportAccessRole, roleLabel } from '../access';
import { pair } from '../access/layer';
import { groupResourcesOf } from '../access/state';
import type { ResourceObjectType } from '../model';

/** DESIGN.md "Review: baselines, diff, report": every structural change kind, in report order. */
export const CHANGE_KINDS = [
  'group.created', 'group.deleted', 'group.renamed',
  'group.accountAdded', 'group.accountRemoved',
  'group.userRoleAdded', 'group.userRoleRemoved',
  'group.resourceShared', 'group.resourceUnshared',
  'account.userRoleAdded', 'account.userRoleRemoved', 'account.supportAccessRoleChanged',
  'partner.accessGranted', 'partner.accessRevoked',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One structural change, with the ids and the names concerned (names from the side that has them). */
export interface Change {
  kind: ChangeKind;
  groupId?: string;
  group?: string;
  from?: string | null;
  to?: string | null;
  accountId?: string;
  account?: string;
  userId?: string;
  roleId?: string;
  role?: string;
  objectType?: ResourceObjectType;
  resourceId?: string;
  resource?: string;
  serviceId?: string;
  service?: string;
}

/** The pairs whose effective access a change may alter: account → users. */
export type Touched = Map<string, Set<string>>;

const EMPTY: ReadonlySet<string> = new Set();

const touch = (t: Touched, a: string, u: string): void => {
  let set = t.get(a);
  if (!set) t.set(a, (set = new Set()));
  set.add(u);
};

/** Calls `f` for what `x` has and `y` lacks. */
const eachMissing = <T>(x: ReadonlySet<T> | undefined, y: ReadonlySet<T> | undefined, f: (v: T) => void): void => {
  if (!x || x === y) return;
  for (const v of x) if (!y?.has(v)) f(v);
};

const union = (...keys: string[][]): string[] => [...new Set(keys.flat())];

/** Calls `f` once for each value of `x` or `y`, without building their union. */
const eachOfBoth = <T>(x: ReadonlySet<T> | undefined, y: ReadonlySet<T> | undefined, f: (v: T) => void): void => {
  if (x) for (const v of x) f(v);
  if (y && y !== x) for (const v of y) if (!x?.has(v)) f(v);
};

class Differ {
  readonly changes: Change[] = [];
  readonly touched: Touched = new Map();

  constructor(readonly b: AccessState, readonly a: AccessState) {}

  /** A name from the after side, else the before side (a deleted thing keeps its last name). */
  private groupName(g: string): string {
    return this.a.groups.get(g)?.name ?? this.b.groups.get(g)?.name ?? g;
  }
  private accountName(id: string): string {
    return this.a.accounts.get(id)?.name ?? this.b.accounts.get(id)?.name ?? id;
  }
  private roleName(r: string, at: string): string {
    return this.a.roles.has(r) ? roleLabel(this.a, r, at) : roleLabel(this.b, r, at);
  }
  private groupOwner(g: string): string {
    return this.a.groups.get(g)?.accountId ?? this.b.groups.get(g)?.accountId ?? '';
  }
  private groupRef(g: string) {
    return { groupId: g, group: this.groupName(g) };
  }

  groups(): void {
    const { b, a } = this;
    for (const g of union(b.groups.keys(), a.groups.keys())) {
      const before = b.groups.get(g);
      const after = a.groups.get(g);
      if (!before) this.changes.push({ kind: 'group.created', ...this.groupRef(g) });
      else if (!after) this.changes.push({ kind: 'group.deleted', ...this.groupRef(g) });
      else if (before.name !== after.name) this.changes.push({ kind: 'group.renamed', ...this.groupRef(g), from: before.name, to: after.name });
      this.groupAccounts(g);
      this.groupUsers(g);
      this.groupResources(g);
    }
  }

  private groupAccounts(g: string): void {
    const { b, a } = this;
    const before = b.groupAccounts.get(g);
    const after = a.groupAccounts.get(g);
    let users: string[] | undefined;
    const add = (kind: ChangeKind) => (id: string) => {
      users ??= union([...(b.groupUsers.get(g) ?? [])], [...(a.groupUsers.get(g) ?? [])]);
      this.changes.push({ kind, ...this.groupRef(g), accountId: id, account: this.accountName(id) });
      // R7, R18: everyone in the group may gain or lose roles on that account.
      for (const u of users) touch(this.touched, id, u);
    };
    eachMissing(after, before, add('group.accountAdded'));
    eachMissing(before, after, add('group.accountRemoved'));
  }

  private groupUsers(g: string): void {
    const { b, a } = this;
    const owner = this.groupOwner(g);
    let accounts: string[] | undefined;
    eachOfBoth(b.groupUsers.get(g), a.groupUsers.get(g), (u) => {
      const before = b.userGroupRoles.getSet(u, g);
      const after = a.userGroupRoles.getSet(u, g);
      if (before === after) return;
      let changed = false;
      const add = (kind: ChangeKind) => (r: string) => {
        changed = true;
        this.changes.push({ kind, ...this.groupRef(g), userId: u, roleId: r, role: this.roleName(r, owner) });
      };
      eachMissing(after, before, add('group.userRoleAdded'));
      eachMissing(before, after, add('group.userRoleRemoved'));
      // R7, R8: the user's roles change on every account of the group.
      if (!changed) return;
      accounts ??= union([...(b.groupAccounts.get(g) ?? [])], [...(a.groupAccounts.get(g) ?? [])]);
      for (const acc of accounts) touch(this.touched, acc, u);
    });
  }

  private groupResources(g: string): void {
    const key = (r: { objectType?: string; resourceId: string }) => pair(r.objectType ?? '', r.resourceId);
    const before = new Map(groupResourcesOf(this.b.groups.get(g)).map((r) => [key(r), r]));
    const after = new Map(groupResourcesOf(this.a.groups.get(g)).map((r) => [key(r), r]));
    const add = (kind: ChangeKind, from: typeof before, to: typeof after) => {
      for (const [k, r] of from) {
        if (to.has(k)) continue;
        this.changes.push({ kind, ...this.groupRef(g), objectType: r.objectType, resourceId: r.resourceId, resource: r.resourceName });
        if (r.objectType === 'Role') this.touchRoleHolders(g, r.resourceId);
      }
    };
    add('group.resourceShared', after, before);
    add('group.resourceUnshared', before, after);
  }

  /** R18, R20: direct holders of a shared role in the group's accounts may gain or lose it. */
  private touchRoleHolders(g: string, roleId: string): void {
    for (const s of [this.b, this.a]) {
      for (const h of s.roleHolders.get(roleId) ?? []) {
        const [kind, acc, u] = h.split('\n') as [string, string, string];
        if (kind === 'a' && (this.b.groupAccounts.has(g, acc) || this.a.groupAccounts.has(g, acc))) touch(this.touched, acc, u);
      }
    }
  }

  accounts(): void {
    const { b, a } = this;
    for (const acc of union(b.accountUsers.keys(), a.accountUsers.keys())) {
      eachOfBoth(b.accountUsers.get(acc), a.accountUsers.get(acc), (u) => {
        const before = b.aurRoles.get(pair(acc, u));
        const after = a.aurRoles.get(pair(acc, u));
        if (before === after) return;
        const add = (kind: ChangeKind) => (r: string) => {
          touch(this.touched, acc, u);
          this.changes.push({ kind, accountId: acc, account: this.accountName(acc), userId: u, roleId: r, role: this.roleName(r, acc) });
        };
        eachMissing(after, before, add('account.userRoleAdded'));
        eachMissing(before, after, add('account.userRoleRemoved'));
      });
    }
    // R10: the cap trims privileges only, so it touches no pair's roles or log-in.
    for (const acc of a.accounts.keys()) {
      const from = knownSupportAccessRole(b.accounts.get(acc));
      const to = knownSupportAccessRole(a.accounts.get(acc));
      if (from === to || !b.accounts.has(acc)) continue;
      this.changes.push({
        kind: 'account.supportAccessRoleChanged', accountId: acc, account: this.accountName(acc),
        from: from && this.roleName(from, acc), to: to && this.roleName(to, acc),
      });
    }
  }

  partner(): void {
    const { b, a } = this;
    const serviceName = (id: string) => a.services.get(id)?.name ?? b.services.get(id)?.name ?? id;
    for (const acc of union(b.partnerUsers.keys(), a.partnerUsers.keys())) {
      eachOfBoth(b.partnerUsers.get(acc), a.partnerUsers.get(acc), (u) => {
        const before = b.partner.get(pair(acc, u));
        const after = a.partner.get(pair(acc, u));
        if (before === after) return;
        const add = (kind: ChangeKind) => (svc: string) => {
          touch(this.touched, acc, u);
          this.changes.push({ kind, serviceId: svc, service: serviceName(svc), accountId: acc, account: this.accountName(acc), userId: u });
        };
        eachMissing(after, before, add('partner.accessGranted'));
        eachMissing(before, after, add('partner.accessRevoked'));
      });
    }
    // R25, R28: a service losing or gaining an account, or a user changing entity, changes
    // partner access without any PartnerAccountAccess record changing.
    for (const svc of union(b.services.keys(), a.services.keys())) {
      const sb = b.services.get(svc);
      const sa = a.services.get(svc);
      if (sb === sa) continue;
      const moved = sb?.entityId !== sa?.entityId;
      const check = (acc: string) => {
        for (const s of [b, a]) for (const u of s.partnerUsers.get(acc) ?? EMPTY) touch(this.touched, acc, u);
      };
      eachMissing(b.serviceAccounts.get(svc), moved ? undefined : a.serviceAccounts.get(svc), check);
      eachMissing(a.serviceAccounts.get(svc), moved ? undefined : b.serviceAccounts.get(svc), check);
    }
    for (const u of union(b.userPartner.keys(), a.userPartner.keys())) {
      if (b.users.get(u)?.entityId === a.users.get(u)?.entityId) continue;
      for (const s of [b, a]) for (const acc of s.userPartner.get(u) ?? EMPTY) touch(this.touched, acc, u);
    }
  }
}

const KIND_ORDER = new Map<string, number>(CHANGE_KINDS.map((k, i) => [k, i]));
const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
const changeKey = (c: Change): string =>
  [c.group ?? '', c.groupId ?? '', c.account ?? '', c.accountId ?? '', c.userId ?? '', c.role ?? '', c.resource ?? '', c.serviceId ?? ''].join('\u0000');

/**
 * The structural changes from `b` to `a` (ordered by kind, then group, account, user, role) and
 * the pairs they may change. Walks only the indexes' keys: O(records), never users × accounts.
 */
export const structuralChanges = (b: AccessState, a: AccessState): { changes: Change[]; touched: Touched } => {
  const d = new Differ(b, a);
  d.groups();
  d.accounts();
  d.partner();
  const keyed = d.changes.map((c) => ({ c, k: changeKey(c), o: KIND_ORDER.get(c.kind)! }));
  keyed.sort((x, y) => x.o - y.o || cmp(x.k, y.k));
  return { changes: keyed.map((x) => x.c), touched: d.touched };
};
