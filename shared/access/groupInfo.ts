import type { AccessState } from './state';

/** A group's accounts as parallel arrays (3 arrays, not 100,000 small objects). */
export interface AccountInfo {
  ids: string[];
  names: string[];
  sso: Uint8Array;
}

const infoMemo = new WeakMap<ReadonlySet<string>, AccountInfo>();
export const NO_INFO: AccountInfo = { ids: [], names: [], sso: new Uint8Array(0) };

/**
 * A group's accounts with their name and whether the group way in is SSO (R12), made once per
 * membership set: a fork that changes the membership copies the set, so the memo never goes stale.
 */
export const groupAccountInfo = (s: AccessState, g: string): AccountInfo => {
  const members = s.groupAccounts.get(g);
  if (!members) return NO_INFO;
  let info = infoMemo.get(members);
  if (!info) {
    const ids = [...members];
    const names = new Array<string>(ids.length);
    const sso = new Uint8Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      names[i] = s.accounts.get(id)?.name ?? id;
      sso[i] = s.sso.has(id) ? 1 : 0;
    }
    infoMemo.set(members, (info = { ids, names, sso }));
  }
  return info;
};

/** Groups at least this big get their info at index build: reach over All Accounts is then fast on its first call. */
const WARM_MIN_ACCOUNTS = 1_000;

export const warmGroupInfo = (s: AccessState): void => {
  for (const g of s.groupAccounts.keys()) if ((s.groupAccounts.get(g)?.size ?? 0) >= WARM_MIN_ACCOUNTS) groupAccountInfo(s, g);
};
