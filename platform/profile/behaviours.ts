import type { Ctx } from '../api/access';
import { getRecord, insertRecord, type Doc, type Q } from '../db/records';
import { badRequest } from '../errors';

/**
 * The vendor's documented behaviours the `vendor` profile imitates (its API object pages for
 * AccountUserRole and AccountGroupUserRole), so Roster is tested against them.
 */

/** "notifyUser: if true, which is the default, users receive an email notification." */
export const notifyDefault = (ctx: Ctx, given: boolean | undefined): boolean | undefined => (ctx.vendor ? (given ?? true) : given);

/** The e-mail a created link sends when its notifyUser is true (counted by the vendor profile). */
export const sendNotification = (ctx: Ctx, link: Doc): void => {
  if (link.notifyUser !== true || !ctx.notify) return;
  const type = link['@type'] === 'AccountGroupUserRole' ? 'AccountGroupUserRole' : 'AccountUserRole';
  const on = String(type === 'AccountGroupUserRole' ? link.accountGroupId : link.accountId);
  ctx.notify({ type, userId: String(link.userId), roleId: String(link.roleId), on });
};

/**
 * Creating an AccountUserRole for a user the platform does not know creates that user (who then
 * has never signed in). The vendor keeps users outside the API; we keep them as hidden records.
 */
export const userOrNew = async (tx: Q, ctx: Ctx, b: { userId: string; firstName?: string; lastName?: string }): Promise<Doc> => {
  const found = await getRecord(tx, 'User', [ctx.tenant], b.userId);
  if (found) return found;
  const user: Doc = { '@type': 'User', userId: b.userId, neverSignedIn: true };
  if (b.firstName) user.firstName = b.firstName;
  if (b.lastName) user.lastName = b.lastName;
  await insertRecord(tx, 'User', ctx.tenant, b.userId, user);
  return user;
};

/** "A user who has never signed in cannot be added to an account group's users." */
export const mustHaveSignedIn = (user: Doc, userId: string): void => {
  if (user.neverSignedIn === true) {
    throw badRequest(`user ${userId} has never signed in: a user must sign in to the platform before being added to an account group's users`);
  }
};

/**
 * Removing a user's last role on an account removes the user from the account: their single
 * sign-on federation there goes with it.
 */
export const leaveAccountWithLastRole = async (tx: Q, ctx: Ctx, accountId: string, userId: string): Promise<boolean> => {
  const left = await tx.query(
    `select 1 from records where type = 'AccountUserRole' and owner = $1 and doc->>'accountId' = $2 and doc->>'userId' = $3 limit 1`,
    [ctx.tenant, accountId, userId],
  );
  if (left.rows.length) return false;
  await tx.query(
    `delete from records where type = 'AccountUserFederation' and owner = $1 and doc->>'accountId' = $2 and doc->>'userId' = $3`,
    [ctx.tenant, accountId, userId],
  );
  return true;
};
