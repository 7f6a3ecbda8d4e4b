import type { AccessState, Via } from '../access';
import { roleLabel, who } from '../access';
import { userName } from '../access/reach';
import { groupResourcesOf } from '../access/state';
import { supportAccessOf } from '../access/supportAccess';
import { groupsThrough, sortedAccounts, sortedGroups } from './tables';
import type { ReviewRecord } from './record';
import { describeTarget, type ReviewTarget } from './decisions';

/**
 * The layout report (DESIGN.md): a section per group (accounts, users with roles, resources) and
 * a section per account (who reaches it and how), stamped with the snapshot's time. One model,
 * drawn by `drawLayoutPdf` (CLI and app alike) and by `layoutHtml`.
 */
export interface GroupSection {
  id: string;
  name: string;
  allAccounts: boolean;
  accounts: { id: string; name: string }[];
  users: { userId: string; name: string; roles: string[] }[];
  resources: { objectType: string; id: string; name: string }[];
}

export interface AccountSection {
  id: string;
  name: string;
  /** R10: its Support Access Role, by name; null when none is set. */
  supportAccessRole: string | null;
  groups: string[];
  users: { userId: string; name: string; via: Via; roles: string[]; groups: string[] }[];
}

export interface LayoutReport {
  title: string;
  /** "as of" — the snapshot's time (ISO), or null when unknown. */
  snapshotAt: string | null;
  groupCount: number;
  accountCount: number;
  groups: () => Iterable<GroupSection>;
  accounts: () => Iterable<AccountSection>;
  review: ReviewRecord | null;
  /** A reviewed thing in words, with the snapshot's names. */
  describe: (t: ReviewTarget) => string;
}

const byName = <T extends { name: string; id: string }>(xs: T[]): T[] =>
  xs.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

export const groupSection = (s: AccessState, g: string): GroupSection => {
  const group = s.groups.get(g);
  const owner = group?.accountId ?? '';
  return {
    id: g,
    name: group?.name ?? g,
    allAccounts: group?.defaultGroup === true,
    accounts: byName([...(s.groupAccounts.get(g) ?? [])].map((id) => ({ id, name: s.accounts.get(id)?.name ?? id }))),
    users: [...(s.groupUsers.get(g) ?? [])].sort().map((u) => ({
      userId: u, name: userName(s, u), roles: [...(s.userGroupRoles.getSet(u, g) ?? [])].map((r) => roleLabel(s, r, owner)).sort(),
    })),
    resources: groupResourcesOf(group).map((r) => ({ objectType: r.objectType ?? '', id: r.resourceId, name: r.resourceName })),
  };
};

export const accountSection = (s: AccessState, a: string): AccountSection => {
  const known = supportAccessOf(s.accounts.get(a));
  const sar = known.source === 'unknown' ? null : known.roleId;
  return {
    id: a,
    name: s.accounts.get(a)?.name ?? a,
    supportAccessRole: known.source === 'unknown' ? 'unknown (the platform does not tell it)'
      : sar ? `${roleLabel(s, sar, a)}${known.source === 'recorded' ? ' (recorded in Roster)' : ''}` : null,
    groups: [...(s.accountGroups.get(a) ?? [])].map((g) => s.groups.get(g)?.name ?? g).sort(),
    users: who(s, a).map((w) => ({ ...w, groups: w.via === 'group' || w.via === 'sso' ? groupsThrough(s, w.userId, a) : [] })),
  };
};

export interface ReportOptions {
  title?: string;
  snapshotAt?: string | null;
  /** Account sections to include (default: every account); groups are always all. */
  accounts?: readonly string[];
  review?: ReviewRecord | null;
}

/** Sections are built lazily, one at a time, so a 20,000-account report never holds them all. */
export const layoutReport = (s: AccessState, o: ReportOptions = {}): LayoutReport => {
  const groups = sortedGroups(s);
  const accounts = o.accounts ? [...o.accounts] : sortedAccounts(s);
  return {
    title: o.title ?? 'Account group layout',
    snapshotAt: o.snapshotAt ?? null,
    groupCount: groups.length,
    accountCount: accounts.length,
    groups: function* () {
      for (const g of groups) yield groupSection(s, g);
    },
    accounts: function* () {
      for (const a of accounts) yield accountSection(s, a);
    },
    review: o.review ?? null,
    describe: (t) => describeTarget(s, t),
  };
};

/** The stamp on every page and at the top of the HTML: "as of 2026-12-02 09:41 UTC". */
export const asOfText = (iso: string | null): string => {
  if (!iso) return 'snapshot time unknown';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return `as of ${iso}`;
  return `as of ${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** The report's count line: "3 groups · 1 account". */
export const countsText = (r: Pick<LayoutReport, 'groupCount' | 'accountCount'>): string =>
  `${r.groupCount} ${r.groupCount === 1 ? 'group' : 'groups'} · ${r.accountCount} ${r.accountCount === 1 ? 'account' : 'accounts'}`;

export const viaText = (via: Via): string =>
  ({ direct: 'direct', group: 'group', sso: 'SSO', partner: 'partner', none: 'none' })[via];
