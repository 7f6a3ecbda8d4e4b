import type { Snapshot } from '../../../shared/model';
import { accountUserRoleId } from '../../../shared/model';
import { BUILT_IN_ROLE_IDS } from '../../../shared/seeds/builtInRoles';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { tokenAuth, type TestPlatform } from './helpers';

/** A second tenant: seed 002 under other ids, with its own administrator. */
export const OTHER = {
  primary: 'otherprimary-5KQ2ZZ',
  accounts: ['otherabc-1AA1AA', 'otherdef-2BB2BB', 'otherghi-3CC3CC', 'otherjkl-4DD4DD'],
  groups: { all: 'other-all', services1: 'other-s1', services2: 'other-s2' },
  admin: 'bob@other.example',
};

export const otherSnapshot = (): Snapshot => {
  const map = new Map<string, string>([
    [EXAMPLE.primary.accountId, OTHER.primary],
    ...EXAMPLE.accounts.map((a, i) => [a.accountId, OTHER.accounts[i]!] as [string, string]),
    [EXAMPLE.groups.all, OTHER.groups.all],
    [EXAMPLE.groups.services1, OTHER.groups.services1],
    [EXAMPLE.groups.services2, OTHER.groups.services2],
  ]);
  const s = exampleSnapshot();
  const swap = (o: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(o)) if (typeof v === 'string' && map.has(v)) o[k] = map.get(v);
  };
  for (const list of Object.values(s) as Record<string, unknown>[][]) {
    for (const r of list) {
      swap(r);
      if ('accountGroupId' in r || r['@type'] === 'AccountUserRole') delete r.id; // re-synthesised from the new parts
    }
  }
  s.User.push({ '@type': 'User', userId: OTHER.admin, firstName: 'Bob', lastName: 'Other' });
  const roleId = BUILT_IN_ROLE_IDS.Administrator;
  s.AccountUserRole.push({ '@type': 'AccountUserRole', id: accountUserRoleId(OTHER.primary, OTHER.admin, roleId), accountId: OTHER.primary, userId: OTHER.admin, roleId });
  return s;
};

export const adminCall = async (p: TestPlatform, method: string, path: string, body?: unknown) => {
  const res = await fetch(`http://127.0.0.1:${p.port}/admin/${path}`, {
    method,
    headers: { Authorization: tokenAuth(p.user, p.token), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** Loads the second tenant and returns its admin's token. */
export const addOtherTenant = async (p: TestPlatform): Promise<string> => {
  const imp = await adminCall(p, 'POST', 'import', otherSnapshot());
  if (imp.status !== 200) throw new Error(`import failed: ${JSON.stringify(imp.body)}`);
  const tok = await adminCall(p, 'POST', 'tokens', { user: OTHER.admin });
  return String(tok.body.token);
};
