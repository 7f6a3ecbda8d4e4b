import type { Snapshot } from '../shared/model';

/**
 * References a snapshot's records make to each other: a link to a group, account, user or role
 * the snapshot does not hold, an account or group listed twice, or a parent chain that loops.
 * Each is named, so `roster` can refuse the file (exit 2) instead of answering about ghosts.
 * Users and roles are only checked when the snapshot lists them (an export from the vendor's API
 * has no User records: the user list is an extension of the reference platform).
 */
export const danglingReferences = (s: Snapshot): string[] => {
  const out: string[] = [];
  const ids = <T>(list: T[], key: (r: T) => string, what: string): Set<string> => {
    const seen = new Set<string>();
    for (const r of list) {
      const id = key(r);
      if (seen.has(id)) out.push(`${what} ${id} is listed more than once`);
      seen.add(id);
    }
    return seen;
  };
  const accounts = ids(s.Account, (a) => a.accountId, 'account');
  const groups = ids(s.AccountGroup, (g) => g.id, 'group');
  const users = s.User.length ? ids(s.User, (u) => u.userId, 'user') : null;
  const roles = s.Role.length ? new Set(s.Role.map((r) => r.id)) : null;
  const need = (set: Set<string> | null, id: string, what: string, where: string) => {
    if (set && !set.has(id)) out.push(`${where} refers to unknown ${what} ${id}`);
  };
  for (const g of s.AccountGroup) need(accounts, g.accountId, 'account', `group ${g.id}`);
  for (const l of s.AccountGroupAccount) {
    const where = `AccountGroupAccount ${l.accountGroupId}/${l.accountId}`;
    need(groups, l.accountGroupId, 'group', where);
    need(accounts, l.accountId, 'account', where);
  }
  for (const l of s.AccountGroupUserRole) {
    const where = `AccountGroupUserRole ${l.accountGroupId}/${l.userId}/${l.roleId}`;
    need(groups, l.accountGroupId, 'group', where);
    need(users, l.userId, 'user', where);
    need(roles, l.roleId, 'role', where);
  }
  for (const l of s.AccountUserRole) {
    const where = `AccountUserRole ${l.accountId}/${l.userId}/${l.roleId}`;
    need(accounts, l.accountId, 'account', where);
    need(users, l.userId, 'user', where);
    need(roles, l.roleId, 'role', where);
  }
  const parent = new Map(s.Account.map((a) => [a.accountId, a.parentAccountId]));
  const looped = new Set<string>();
  for (const a of s.Account) {
    if (a.parentAccountId !== undefined) need(accounts, a.parentAccountId, 'parent account', `account ${a.accountId}`);
    const chain: string[] = [];
    for (let at: string | undefined = a.accountId; at !== undefined && accounts.has(at); at = parent.get(at)) {
      if (chain.includes(at)) {
        const cycle = chain.slice(chain.indexOf(at));
        const key = [...cycle].sort().join(',');
        if (!looped.has(key)) out.push(`accounts ${[...cycle, at].join(' → ')} form a parent cycle`);
        looped.add(key);
        break;
      }
      chain.push(at);
    }
  }
  return out;
};
