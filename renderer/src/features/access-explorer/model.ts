import type { AccessState, Via } from '../../../../shared/access';
import type { Option } from '../../components/EntityPicker';

/** Pure helpers of the Access explorer: pickers' options, the way in said in words, R10 choices. */

export type { Option };

export { userOptions } from '../../domain/accountAccess';

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

/** R10, R16: the Support Access Role's choices and plan live with the account's other settings. */
export { planSupportAccessRole, supportAccessChoices, supportAccessSentence, type RoleChoice as SupportAccessChoice } from '../../domain/accountAccess';
