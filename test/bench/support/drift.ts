import type { Snapshot } from '../../../shared/model';
import { accountGroupAccountId, accountGroupUserRoleId } from '../../../shared/model';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { makeRng } from '../../../shared/seeds/prng';

/**
 * A copy of `snap` after `changes` record-level edits of the kind a quarter brings (accounts
 * moved between groups, roles given and taken, renames, caps): the "now" of a baseline compare.
 */
export const drift = (snap: Snapshot, seed: number, changes: number): Snapshot => {
  const rng = makeRng(seed);
  const s: Snapshot = { ...snap, AccountGroup: snap.AccountGroup.map((g) => ({ ...g })), Account: snap.Account.map((a) => ({ ...a })) };
  const groups = s.AccountGroup.filter((g) => !g.defaultGroup);
  const managed = s.Account.filter((a) => a.parentAccountId);
  const users = s.User.map((u) => u.userId);
  const dropLinks = new Set<number>();
  const dropRoles = new Set<number>();
  const addLinks: Snapshot['AccountGroupAccount'] = [];
  const addRoles: Snapshot['AccountGroupUserRole'] = [];
  for (let i = 0; i < changes; i++) {
    const x = rng.next();
    const g = rng.pick(groups);
    if (x < 0.35) dropLinks.add(Math.floor(rng.next() * s.AccountGroupAccount.length));
    else if (x < 0.7) {
      const a = rng.pick(managed).accountId;
      addLinks.push({ '@type': 'AccountGroupAccount', id: accountGroupAccountId(g.id, a), accountGroupId: g.id, accountId: a });
    } else if (x < 0.8) dropRoles.add(Math.floor(rng.next() * s.AccountGroupUserRole.length));
    else if (x < 0.9) {
      const u = rng.pick(users);
      addRoles.push({ '@type': 'AccountGroupUserRole', id: accountGroupUserRoleId(g.id, u, BUILT_IN_ROLE_IDS.Support), accountGroupId: g.id, userId: u, roleId: BUILT_IN_ROLE_IDS.Support });
    } else if (x < 0.95) g.name = `${g.name} (renamed ${i})`;
    else rng.pick(managed).supportAccessRoleId = BUILT_IN_ROLE_IDS.Support;
  }
  const seen = new Set(s.AccountGroupAccount.map((l) => `${l.accountGroupId}\n${l.accountId}`));
  s.AccountGroupAccount = [...s.AccountGroupAccount.filter((_, i) => !dropLinks.has(i)), ...addLinks.filter((l) => !seen.has(`${l.accountGroupId}\n${l.accountId}`))];
  const seenRoles = new Set(s.AccountGroupUserRole.map((l) => l.id));
  s.AccountGroupUserRole = [...s.AccountGroupUserRole.filter((_, i) => !dropRoles.has(i)), ...addRoles.filter((l) => !seenRoles.has(l.id))];
  return s;
};
