import type { Snapshot } from '../shared/model';

/**
 * The part of a snapshot one question needs. A CLI run answers one question and exits, so it
 * indexes only the links that question can read instead of all 600,000: `who` needs the
 * account's groups and their users; `reach` the user's groups and their accounts; `explain`
 * the links of the user and of the account. Records that are not links (accounts, users,
 * roles, groups, services, SSO) stay whole: names, R10, R12, R16, R18 and R25 read them.
 * The whole snapshot has still been validated: bad input anywhere is refused first.
 */
export interface Focus {
  /** User ids as given and as matched case-insensitively against User records (requireUser). */
  users?: ReadonlySet<string>;
  accounts?: ReadonlySet<string>;
  /** `reach`: every account of the users' groups, and every group of their direct or partner accounts (R18). */
  userReach?: boolean;
}

const NONE: ReadonlySet<string> = new Set();

/** The user ids `requireUser` may resolve `given` to: itself and User records equal ignoring case. */
export const userCandidates = (snap: Snapshot, given: string): Set<string> => {
  const lower = given.toLowerCase();
  const out = new Set([given]);
  for (const u of snap.User) if (u.userId.toLowerCase() === lower) out.add(u.userId);
  return out;
};

export const focusSnapshot = (snap: Snapshot, focus: Focus): Snapshot => {
  const users = focus.users ?? NONE;
  const accounts = focus.accounts ?? NONE;
  const mine = (l: { userId: string; accountId: string }) => users.has(l.userId) || accounts.has(l.accountId);
  const AccountUserRole = snap.AccountUserRole.filter(mine);
  const PartnerAccountAccess = snap.PartnerAccountAccess.filter(mine);

  const userGroups = new Set<string>();
  const userAccounts = new Set<string>();
  if (focus.userReach) {
    for (const l of snap.AccountGroupUserRole) if (users.has(l.userId)) userGroups.add(l.accountGroupId);
    for (const l of AccountUserRole) if (users.has(l.userId)) userAccounts.add(l.accountId);
    for (const l of PartnerAccountAccess) if (users.has(l.userId)) userAccounts.add(l.accountId);
  }
  const AccountGroupAccount = snap.AccountGroupAccount.filter(
    (l) => accounts.has(l.accountId) || userAccounts.has(l.accountId) || userGroups.has(l.accountGroupId),
  );
  const accountGroups = new Set<string>();
  for (const l of AccountGroupAccount) if (accounts.has(l.accountId)) accountGroups.add(l.accountGroupId);
  const AccountGroupUserRole = snap.AccountGroupUserRole.filter((l) => users.has(l.userId) || accountGroups.has(l.accountGroupId));
  return { ...snap, AccountUserRole, PartnerAccountAccess, AccountGroupAccount, AccountGroupUserRole };
};
