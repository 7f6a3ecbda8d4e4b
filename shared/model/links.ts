import { z } from 'zod';
import { Id, typeTag } from './common';

/** Membership of an account in a group (R4). Its id is synthesised from its parts. */
export const AccountGroupAccount = z.object({
  '@type': typeTag('AccountGroupAccount'),
  id: Id.optional(),
  accountGroupId: Id,
  accountId: Id,
});
export type AccountGroupAccount = z.infer<typeof AccountGroupAccount>;

/** A user's role in a group: "Users in Group" (R7). */
export const AccountGroupUserRole = z.object({
  '@type': typeTag('AccountGroupUserRole'),
  id: Id.optional(),
  accountGroupId: Id,
  userId: Id,
  roleId: Id,
  firstName: z.string().max(255).optional(),
  lastName: z.string().max(255).optional(),
  notifyUser: z.boolean().optional(),
});
export type AccountGroupUserRole = z.infer<typeof AccountGroupUserRole>;

/** A user's direct role on an account (R6). */
export const AccountUserRole = z.object({
  '@type': typeTag('AccountUserRole'),
  id: Id.optional(),
  accountId: Id,
  userId: Id,
  roleId: Id,
  firstName: z.string().max(255).optional(),
  lastName: z.string().max(255).optional(),
  notifyUser: z.boolean().optional(),
});
export type AccountUserRole = z.infer<typeof AccountUserRole>;
