import type { AccessState } from './state';
import { roleLabel } from './state';
import { evaluate, type Evaluation, type RoleSource, type Via } from './evaluate';

export interface EffectiveRole {
  roleId: string;
  /** R16: "Name (shared)" for a custom role shared from the primary account. */
  name: string;
  sources: RoleSource[];
}

export interface IgnoredRoleView extends EffectiveRole {
  rule: 'R9' | 'R18';
  reason: string;
}

/** The `roster explain` shape (a CLI contract scripts read): effective access of a user on an account and why. */
export interface EffectiveAccess {
  userId: string;
  accountId: string;
  canLogIn: boolean;
  via: Via;
  roles: EffectiveRole[];
  privileges: string[];
  /** `recorded`: the admin recorded this Support Access Role in Roster (the platform cannot tell it). */
  cappedBy: null | { roleId: string; name: string; removed: string[]; recorded?: true };
  /**
   * Present (true) when the user comes in through groups and the platform cannot tell the
   * account's Support Access Role: the privileges hold unless that role caps them (R10).
   */
  capUnknown?: true;
  ignored: IgnoredRoleView[];
  reasons: string[];
}

const sourceText = (src: RoleSource): string => (src.kind === 'direct' ? 'direct' : `group "${src.groupName}"`);

const accountName = (s: AccessState, a: string): string => {
  const name = s.accounts.get(a)?.name;
  return name ? `${name} (${a})` : a;
};

const roleSentences = (roles: EffectiveRole[], ev: Evaluation): string[] => {
  const out: string[] = [];
  for (const r of roles) out.push(`${r.name}: from ${r.sources.map(sourceText).join(' and ')}.`);
  const groups = new Set(roles.flatMap((r) => r.sources.filter((x) => x.kind === 'group').map((x) => (x as { groupName: string }).groupName)));
  if (ev.via !== 'direct' && groups.size > 1) {
    out.push(`R8: roles are the union of the user's roles in ${groups.size} groups containing the account (${[...groups].map((g) => `"${g}"`).join(', ')}).`);
  }
  return out;
};

/**
 * How the sentences name the user and the account: `full` names them in every sentence (the CLI's
 * `reasons`, read one by one); `brief` says "the user" and "this account", for a list under a
 * heading that already names both once.
 */
export type ExplainVoice = 'full' | 'brief';

interface Names {
  /** The user as the subject of a sentence. */
  u: string;
  acct: string;
}

const namesFor = (s: AccessState, u: string, a: string, voice: ExplainVoice): Names =>
  voice === 'brief' ? { u: 'the user', acct: 'this account' } : { u, acct: accountName(s, a) };

const capitalised = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

const wayInSentence = (s: AccessState, { u, acct }: Names, ev: Evaluation): string => {
  switch (ev.via) {
    case 'direct':
      return `R6: ${u} has direct roles on ${acct} (User Management).`;
    case 'group':
      return `R7: ${u} reaches ${acct} through account groups (Users in Group).`;
    case 'sso':
      return `R12: ${acct} is SSO-enabled and ${u} is in a group of the primary account containing it, so the way in is SSO.`;
    case 'partner': {
      const names = ev.partnerServices.map((id) => `"${s.services.get(id)?.name ?? id}"`).join(', ');
      return `R25: ${u} has partner access to ${acct} through service ${names}.`;
    }
    default:
      return capitalised(`${u} has no direct role, no group role and no partner access on ${acct}.`);
  }
};

/** R11: a direct role on the parent account is worth saying out loud, because it does not carry. */
const inheritanceSentence = (s: AccessState, u: string, a: string, names: Names): string | null => {
  const parent = s.accounts.get(a)?.parentAccountId;
  if (!parent || !s.userAccounts.has(u, parent)) return null;
  return `R11: ${names.u} has roles on the parent account ${accountName(s, parent)}, but access to a parent gives no access to its child accounts.`;
};

/** Effective access of `u` on `a` with its explanation (R6–R13, R16, R25). */
export const explain = (s: AccessState, u: string, a: string, voice: ExplainVoice = 'full'): EffectiveAccess => {
  const ev = evaluate(s, u, a);
  const names = namesFor(s, u, a, voice);
  const label = (roleId: string) => roleLabel(s, roleId, a);
  const roles = [...ev.roles].map(([roleId, sources]) => ({ roleId, name: label(roleId), sources }));
  roles.sort((x, y) => x.name.localeCompare(y.name));
  const ignored: IgnoredRoleView[] = ev.ignored.map((i) => ({
    roleId: i.roleId, name: label(i.roleId), sources: [i.source], rule: i.rule,
    reason: i.rule === 'R9'
      ? `R9: ignored because direct access wins: ${label(i.roleId)} from ${sourceText(i.source)} does not apply while the user has direct roles on this account.`
      : `R18: ignored because ${label(i.roleId)} is no longer shared with this account by any group.`,
  }));
  const reasons = [wayInSentence(s, names, ev), ...roleSentences(roles, ev), ...ignored.map((i) => i.reason)];
  let cappedBy: EffectiveAccess['cappedBy'] = null;
  if (ev.cap) {
    cappedBy = { roleId: ev.cap.roleId, name: label(ev.cap.roleId), removed: ev.cap.removed };
    const role = ev.cap.recorded ? `Support Access Role "${cappedBy.name}" (recorded in Roster)` : `Support Access Role "${cappedBy.name}"`;
    if (ev.cap.recorded) cappedBy.recorded = true;
    reasons.push(ev.cap.removed.length
      ? `R10: the account's ${role} caps group access and removes ${ev.cap.removed.join(', ')}.`
      : `R10: the account's ${role} caps group access; it removes nothing here.`);
  }
  if (ev.capUnknown) {
    reasons.push(`R10: this platform's API does not tell the Support Access Role of ${names.acct}, so these privileges hold unless that role caps them (record it in Roster to check).`);
  }
  const inherit = inheritanceSentence(s, u, a, names);
  if (inherit && ev.via !== 'direct') reasons.push(inherit);
  reasons.push(ev.canLogIn
    ? `R13: ${names.u} can log into ${names.acct}.`
    : `R13: ${names.u} cannot log into ${names.acct}: no effective roles.`);
  const out: EffectiveAccess = {
    userId: u, accountId: a, canLogIn: ev.canLogIn, via: ev.via, roles,
    privileges: [...ev.privileges].sort(), cappedBy, ignored, reasons,
  };
  if (ev.capUnknown) out.capUnknown = true;
  return out;
};
