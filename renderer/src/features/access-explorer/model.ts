import type { AccessState, Via } from '../../../../shared/access';
import { isBuiltIn, roleLabel } from '../../../../shared/access/state';
import { userName } from '../../../../shared/access/reach';
import { SUPPORT_ACCESS_UNKNOWN, supportAccessOf } from '../../../../shared/access/supportAccess';
import { opModule } from '../../../../shared/plans/registry';
import type { PlanOp } from '../../../../shared/plans/types';
import type { Option } from '../../components/EntityPicker';

/** Pure helpers of the Access explorer: pickers' options, the way in said in words, R10 choices. */

export type { Option };

export const userOptions = (s: AccessState): Option[] =>
  s.users
    .keys()
    .map((id) => ({ id, label: userName(s, id), detail: id }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));

export const accountOptions = (s: AccessState): Option[] =>
  s.accounts
    .keys()
    .map((id) => ({ id, label: s.accounts.get(id)?.name ?? id, detail: id }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));

export const VIA_LABEL: Record<Via, string> = {
  direct: 'Direct (User Management, R6)',
  group: 'Account group (R7)',
  sso: 'SSO through a group (R12)',
  partner: 'Partner service (R25)',
  none: 'No access',
};

export interface SupportAccessChoice {
  roleId: string;
  name: string;
}

/**
 * R10, R16: the roles an account may name as its Support Access Role: built-in roles and the
 * account's own custom roles. Shared roles never appear in this list.
 */
export const supportAccessChoices = (s: AccessState, accountId: string): SupportAccessChoice[] =>
  s.roles
    .keys()
    .map((id) => s.roles.get(id)!)
    .filter((r) => isBuiltIn(r) || r.accountId === accountId)
    .map((r) => ({ roleId: r.id, name: roleLabel(s, r.id, accountId) }))
    .sort((a, b) => a.name.localeCompare(b.name));

export type PlannedOps = { ok: true; ops: PlanOp[] } | { ok: false; reason: string };

/** R10: one op, refused in words when the platform would refuse it or when nothing changes. */
export const planSupportAccessRole = (s: AccessState, accountId: string, roleId: string | null): PlannedOps => {
  const op = { op: 'account.setSupportAccessRole' as const, accountId, roleId };
  const mod = opModule(op);
  const refusal = mod.refuse(s, op);
  if (refusal) return { ok: false, reason: refusal };
  if (mod.unchanged(s, op)) return { ok: false, reason: 'That is already the account’s Support Access Role.' };
  return { ok: true, ops: [op] };
};

/** The R10 sentence for an account's current setting. */
export const supportAccessSentence = (s: AccessState, accountId: string): string => {
  const known = supportAccessOf(s.accounts.get(accountId));
  if (known.source === 'unknown') {
    return `${SUPPORT_ACCESS_UNKNOWN}: users who come in only through groups keep their group privileges unless it caps them (R10).`;
  }
  const sar = known.roleId;
  const recorded = known.source === 'recorded' ? ' (recorded in Roster)' : '';
  if (!sar) return known.source === 'recorded' ? 'No Support Access Role (recorded in Roster): users who come in only through groups are not capped (R10).' : 'No Support Access Role is set: users who come in only through groups are not capped (R10).';
  return `Support Access Role: “${roleLabel(s, sar, accountId)}”${recorded}. Users who reach this account only through groups keep only the privileges this role also has (R10); direct users are not capped.`;
};
