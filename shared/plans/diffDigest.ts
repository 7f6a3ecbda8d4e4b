/**
 * Who and what a plan changes, grouped by role and by user, counted over every pair of the
 * what-if — not over the first entries a preview keeps. A partner-tier drop gains thousands of
 * (user, account) pairs; an admin reads "48 users gain Support on 231 accounts", not 8,684 lines.
 */

/** One role (or privilege, or bare sign-in) gained or lost: by how many users, on how many accounts. */
export interface RoleGroup {
  role: string;
  users: number;
  accounts: number;
  /** (user, account) pairs: users × accounts when every user gains it everywhere. */
  pairs: number;
}

/** One user: on how many accounts, and which roles over all of them. */
export interface UserGroup {
  userId: string;
  accounts: number;
  roles: string[];
}

export interface SideDigest {
  byRole: RoleGroup[];
  byUser: UserGroup[];
}

export interface DiffDigest {
  gains: SideDigest;
  losses: SideDigest;
  /** R13: each user left with no roles, and on how many accounts. */
  lockedOut: UserGroup[];
  /** Accounts where someone is locked out. */
  lockedOutAccounts: number;
  /** Each user whose last direct role on some accounts goes (the platform removes them from those accounts). */
  leavesAccount: UserGroup[];
}

/** What a change is called in a summary: its roles, else its privileges, else the sign-in itself. */
export const changeLabels = (roles: readonly string[], privileges: readonly string[]): readonly string[] =>
  roles.length ? roles : privileges.length ? privileges.map((p) => `privilege ${p}`) : ['access'];

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;

interface RoleAcc {
  /** Pairs come account by account (the what-if walks each touched account once): a new account is a new id. */
  lastAccount: string | null;
  accounts: number;
  pairs: number;
}

/**
 * Accumulates one side (gains or losses) pair by pair; a preview feeds it hundreds of thousands,
 * so each pair costs one map lookup: a role's users are counted at the end from the users' roles.
 * The pairs of one account must arrive together.
 */
export class SideDigestBuilder {
  private readonly roles = new Map<string, RoleAcc>();
  /** The labels arrays are shared by every pair with the same change: their accumulators are found once. */
  private readonly accsOf = new Map<readonly string[], RoleAcc[]>();
  private lastLabels: readonly string[] | null = null;
  private lastAccs: RoleAcc[] = [];
  private readonly users = new Map<string, { accounts: number; roles: Set<string>; last: readonly string[] | null }>();

  private accs(labels: readonly string[]): RoleAcc[] {
    if (labels === this.lastLabels) return this.lastAccs;
    let accs = this.accsOf.get(labels);
    if (!accs) {
      accs = labels.map((l) => {
        let r = this.roles.get(l);
        if (!r) this.roles.set(l, (r = { lastAccount: null, accounts: 0, pairs: 0 }));
        return r;
      });
      this.accsOf.set(labels, accs);
    }
    this.lastLabels = labels;
    return (this.lastAccs = accs);
  }

  add(userId: string, accountId: string, labels: readonly string[]): void {
    for (const r of this.accs(labels)) {
      r.pairs++;
      if (r.lastAccount !== accountId) {
        r.lastAccount = accountId;
        r.accounts++;
      }
    }
    let u = this.users.get(userId);
    if (!u) this.users.set(userId, (u = { accounts: 0, roles: new Set(), last: null }));
    u.accounts++;
    if (u.last !== labels) {
      u.last = labels;
      for (const l of labels) u.roles.add(l);
    }
  }

  build(): SideDigest {
    const usersOf = new Map<string, number>();
    for (const u of this.users.values()) for (const l of u.roles) usersOf.set(l, (usersOf.get(l) ?? 0) + 1);
    const byRole = [...this.roles].map(([role, r]) => ({ role, users: usersOf.get(role) ?? 0, accounts: r.accounts, pairs: r.pairs }));
    byRole.sort((a, b) => b.pairs - a.pairs || byName(a.role, b.role));
    const byUser = [...this.users].map(([userId, u]) => ({ userId, accounts: u.accounts, roles: [...u.roles].sort(byName) }));
    byUser.sort((a, b) => b.accounts - a.accounts || byName(a.userId, b.userId));
    return { byRole, byUser };
  }
}

/** The three sides of a what-if's digest. */
export class DiffDigestBuilder {
  readonly gains = new SideDigestBuilder();
  readonly losses = new SideDigestBuilder();
  private readonly locked = new Map<string, number>();
  private lockedAccounts = 0;
  private lastLockedAccount: string | null = null;
  private readonly leaving = new Map<string, number>();

  leavesAccount(userId: string): void {
    this.leaving.set(userId, (this.leaving.get(userId) ?? 0) + 1);
  }

  /** Pairs of one account arrive together, as for the sides. */
  lockedOut(userId: string, accountId: string): void {
    this.locked.set(userId, (this.locked.get(userId) ?? 0) + 1);
    if (this.lastLockedAccount !== accountId) {
      this.lastLockedAccount = accountId;
      this.lockedAccounts++;
    }
  }

  build(): DiffDigest {
    const lockedOut = [...this.locked].map(([userId, accounts]) => ({ userId, accounts, roles: [] }));
    lockedOut.sort((a, b) => b.accounts - a.accounts || byName(a.userId, b.userId));
    const leavesAccount = [...this.leaving].map(([userId, accounts]) => ({ userId, accounts, roles: [] }));
    leavesAccount.sort((a, b) => b.accounts - a.accounts || byName(a.userId, b.userId));
    return { gains: this.gains.build(), losses: this.losses.build(), lockedOut, lockedOutAccounts: this.lockedAccounts, leavesAccount };
  }
}
