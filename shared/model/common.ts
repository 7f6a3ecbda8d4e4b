import { z } from 'zod';

/** Boomi ids are opaque strings; we only insist they are non-empty and bounded. */
export const Id = z.string().min(1, 'must not be empty').max(255, 'is longer than 255 characters');
export type Id = z.infer<typeof Id>;

/** Names shown to admins; the vendor caps most names at 255 characters. */
export const Name = z.string().trim().min(1, 'must not be empty').max(255, 'is longer than 255 characters');

/** Every Boomi JSON object carries `@type`; it is optional on input (clients may omit it). */
export const typeTag = <T extends string>(t: T) => z.literal(t).optional();

/** The account that owns Boomi's built-in roles (R14). */
export const BUILT_IN_ROLE_ACCOUNT = '1';
