import { z } from 'zod';
import { BUILT_IN_ROLE_ACCOUNT, Id, Name, typeTag } from './common';

export const Privilege = z.object({
  '@type': typeTag('Privilege'),
  name: z.string().min(1).max(255),
});

export const Privileges = z.object({
  '@type': typeTag('Privileges'),
  Privilege: z.array(Privilege).optional(),
});

/** Role (R14): built-in roles live in account "1"; custom roles in one account. */
export const Role = z.object({
  '@type': typeTag('Role'),
  id: Id,
  accountId: Id.optional(),
  name: Name,
  Description: z.string().max(4000).optional(),
  parentId: Id.optional(),
  Privileges: Privileges.optional(),
});
export type Role = z.infer<typeof Role>;

export const Roles = z.object({
  '@type': z.string().optional(),
  Role: z.array(Role).optional(),
});

export const isBuiltInRole = (r: Role): boolean => r.accountId === BUILT_IN_ROLE_ACCOUNT;
