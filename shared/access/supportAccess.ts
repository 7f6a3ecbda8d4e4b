import type { Account, AccountExtensionField } from '../model';
import { ACCOUNT_EXTENSION_FIELDS } from '../model';
import type { Layer } from './layer';
import type { AccessState } from './state';

/**
 * What Roster knows of an account's Support Access Role (R10): what the platform said, what the
 * admin recorded in Roster because the platform's API cannot tell (the vendor's Account has no
 * such field), or nothing. Unknown is never "no cap": explanations say their result holds unless
 * that cap applies.
 */
export type SupportAccessKnowledge =
  | { source: 'platform'; roleId: string | null }
  | { source: 'recorded'; roleId: string | null }
  | { source: 'unknown' };

export const isUnknown = (a: Account | undefined, field: AccountExtensionField): boolean => a?.unknown?.includes(field) ?? false;

export const supportAccessOf = (a: Account | undefined): SupportAccessKnowledge => {
  if (!isUnknown(a, 'supportAccessRoleId')) return { source: 'platform', roleId: a?.supportAccessRoleId ?? null };
  if (a!.recordedSupportAccessRoleId !== undefined) return { source: 'recorded', roleId: a!.recordedSupportAccessRoleId };
  return { source: 'unknown' };
};

/** The role that caps group users on the account, as far as Roster knows (null: none, or unknown). */
export const knownSupportAccessRole = (a: Account | undefined): string | null => {
  const k = supportAccessOf(a);
  return k.source === 'unknown' ? null : k.roleId;
};

/**
 * Whether a platform's Accounts are vendor-shaped: its primary's own record has neither of the
 * reference platform's always-present booleans. Decided on the primary, never per record: on the
 * reference platform the partner organisations' accounts carry none of those fields either, and
 * they are not the primary's managed accounts.
 */
export const isVendorShapedPrimary = (primary: Pick<Account, 'accountGroupsEnabled' | 'advancedUserSecurity'> | undefined): boolean =>
  !!primary && primary.accountGroupsEnabled === undefined && primary.advancedUserSecurity === undefined;

/**
 * A record as the platform sent it, with what it could not tell marked: a vendor-shaped Account
 * (neither of the reference platform's always-present booleans) leaves every extension field it
 * lacks unknown — except its place: the primary is the account in the API URL and every other
 * account it lists is one of its managed accounts. Applied where records are read (export,
 * main's pull) and only on a platform whose primary is vendor-shaped (isVendorShapedPrimary),
 * never to a snapshot file.
 */
export const markUnknownAccountFields = <A extends Account>(a: A, primaryId: string | undefined): A => {
  if (a.accountGroupsEnabled !== undefined || a.advancedUserSecurity !== undefined) return a;
  const out: A = { ...a };
  if (primaryId && out.parentAccountId === undefined && a.accountId !== primaryId) out.parentAccountId = primaryId;
  const unknown = ACCOUNT_EXTENSION_FIELDS.filter((f) => out[f] === undefined && !(f === 'parentAccountId' && a.accountId === primaryId));
  if (unknown.length) out.unknown = unknown;
  return out;
};

/**
 * Every Account as read from a platform, marked where the platform is vendor-shaped: decided by
 * the connect probe when the caller has it (`vendorShaped`), else on the primary's record.
 */
export const markVendorShapedAccounts = <A extends Account>(records: A[], primaryId: string | undefined, vendorShaped?: boolean): A[] =>
  vendorShaped ?? isVendorShapedPrimary(records.find((r) => r.accountId === primaryId))
    ? records.map((r) => markUnknownAccountFields(r, primaryId))
    : records;

const anyMemo = new WeakMap<object, boolean>();
/**
 * Whether any account of the state has an unknown Support Access Role (none on the reference
 * platform): who/reach check accounts one by one only then. Memoised on the snapshot's accounts.
 */
export const anySupportAccessUnknown = (accounts: Layer<string, Account>): boolean => {
  const root = accounts.root();
  let v = anyMemo.get(root);
  if (v === undefined) {
    v = root.keys().some((k) => supportAccessOf(root.get(k)).source === 'unknown');
    anyMemo.set(root, v);
  }
  return v;
};

/**
 * R10: a group user's access holds unless the account's unknown Support Access Role caps it.
 * Callers ask only when anySupportAccessUnknown says some account's role is unknown.
 */
export const capUnknownFor = (s: AccessState, via: string, a: string): boolean =>
  (via === 'group' || via === 'sso') && supportAccessOf(s.accounts.get(a)).source === 'unknown';

export const SUPPORT_ACCESS_UNKNOWN =
  "This platform's API does not tell an account's Support Access Role";
export const AUS_NOT_SETTABLE = "This platform's API does not offer setting an account's Advanced User Security";
export const SUPPORT_ACCESS_NOT_SETTABLE =
  "This platform's API does not offer setting an account's Support Access Role";
