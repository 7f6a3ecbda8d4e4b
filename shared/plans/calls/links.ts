import type { ObjectType } from '../../model';
import { accountGroupAccountId, accountGroupUserRoleId, accountUserRoleId, partnerAccountAccessId } from '../../model';
import { equalsAll, queryAll } from '../../api/sync';
import { ApiError, isApiError } from '../../api/errors';
import type { Call, CallContext } from '../call';
import type { PlanOp } from '../types';
import { neverSignedInRefusal } from '../describe';

/**
 * Link objects (AccountGroupAccount, AccountGroupUserRole, AccountUserRole, PartnerAccountAccess)
 * have a natural key made of their parts and an id the platform gives them: adding is a CREATE,
 * removing a QUERY by the parts then a DELETE by the id each record came back with (the vendor's
 * link ids are opaque: never rebuilt from the parts), and "does it already hold?" that QUERY.
 * `id` is our own synthesised id (shared/model/ids.ts), used only for records we make up locally.
 */
export interface LinkSpec {
  type: ObjectType;
  tag: string;
  fields: readonly string[];
  /** Whether the first part is a group id that may be provisional (`new:<name>`). */
  groupFirst: boolean;
  /** The vendor e-mails the user on create unless told not to (notifyUser defaults to true). */
  notifies?: boolean;
  id(parts: string[]): string;
}

export const AGA: LinkSpec = {
  type: 'AccountGroupAccount', tag: 'AGA', fields: ['accountGroupId', 'accountId'], groupFirst: true,
  id: ([g, a]) => accountGroupAccountId(g!, a!),
};
export const AGUR: LinkSpec = {
  type: 'AccountGroupUserRole', tag: 'AGUR', fields: ['accountGroupId', 'userId', 'roleId'], groupFirst: true, notifies: true,
  id: ([g, u, r]) => accountGroupUserRoleId(g!, u!, r!),
};
export const AUR: LinkSpec = {
  type: 'AccountUserRole', tag: 'AUR', fields: ['accountId', 'userId', 'roleId'], groupFirst: false, notifies: true,
  id: ([a, u, r]) => accountUserRoleId(a!, u!, r!),
};
export const PAA: LinkSpec = {
  type: 'PartnerAccountAccess', tag: 'PAA', fields: ['serviceId', 'accountId', 'userId'], groupFirst: false,
  id: ([s, a, u]) => partnerAccountAccessId(s!, a!, u!),
};

const record = (spec: LinkSpec, parts: string[]): Record<string, string> =>
  Object.fromEntries(spec.fields.map((f, i) => [f, parts[i]!]));

const resolveParts = async (spec: LinkSpec, parts: string[], ctx: CallContext): Promise<string[]> =>
  spec.groupFirst ? [await ctx.resolve.group(parts[0]!), ...parts.slice(1)] : parts;

/**
 * One link added or removed. `effect` is the one-link op it carries out (the caller's op narrowed
 * to these parts), so the engine can tell from a known state whether it already holds.
 */
export const linkCall = (spec: LinkSpec, parts: string[], mode: 'add' | 'remove', effect: PlanOp): Call => {
  const provisional = spec.groupFirst && parts[0]!.startsWith('new:');
  const found = async (ctx: CallContext): Promise<Record<string, unknown>[]> => {
    const real = await resolveParts(spec, parts, ctx);
    return queryAll(ctx.api, spec.type, equalsAll(record(spec, real)));
  };
  const present = async (ctx: CallContext): Promise<boolean> => (await found(ctx)).length > 0;
  return {
    key: `${spec.tag}|${parts.join('|')}`,
    label: `${mode} ${spec.type} ${parts.join(' / ')}`,
    ...(provisional ? { needs: parts[0] } : {}),
    effect,
    async send(ctx) {
      const real = await resolveParts(spec, parts, ctx);
      // notifyUser always explicit: a bulk add must not e-mail every user by the vendor's default;
      // the admin's choice travels with the op (absent: no e-mail).
      const notify = spec.notifies ? { notifyUser: 'notifyUser' in effect && effect.notifyUser === true } : {};
      if (mode === 'add') await ctx.api.create(spec.type, { '@type': spec.type, ...record(spec, real), ...notify }).catch((e: unknown) => {
        throw inWords(spec, real, e, effect);
      });
      // Already gone: nothing to send (a remove applied twice changes nothing).
      else for (const r of await found(ctx)) await ctx.api.delete(spec.type, String(r.id));
    },
    check: async (ctx) => (await present(ctx)) === (mode === 'add'),
  };
};

/**
 * The platform's refusal of an add, said per user in the admin's words where the vendor documents
 * it: a user who has never signed in cannot be added to a group's users. The display name is the
 * one the op carried from the cache (the vendor's API lists no users), else the e-mail alone.
 */
export const inWords = (spec: LinkSpec, parts: string[], e: unknown, effect?: PlanOp): unknown => {
  if (!isApiError(e) || e.kind !== 'bad-request' || spec.type !== 'AccountGroupUserRole' || !/never (signed|logged) in/i.test(e.message)) return e;
  const user = parts[1]!;
  const name = effect?.op === 'group.addUserRoles' ? effect.userNames?.[user] : undefined;
  return new ApiError(e.kind, e.status, neverSignedInRefusal(user, name));
};

/** Every combination of a bulk op's lists: one call per link. */
export const cross = (...lists: string[][]): string[][] =>
  lists.reduce<string[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);

/** Dedupes the lists first, so a plan naming a user twice still makes one call per link. */
export const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];
