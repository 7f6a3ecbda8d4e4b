import { z } from 'zod';

/** Boomi ids are opaque strings; we only insist they are non-empty and bounded. */
export const Id = z.string().min(1, 'must not be empty').max(255, 'is longer than 255 characters');
export type Id = z.infer<typeof Id>;

/** Names shown to admins; the vendor caps most names at 255 characters. */
export const Name = z.string().trim().min(1, 'must not be empty').max(255, 'is longer than 255 characters');

/** NUL cannot be stored and a lone surrogate is not text: the platform refuses both in any string. */
export const unsendableChar = (s: string): string | null => {
  if (s.includes('\u0000')) return 'a NUL character';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) return 'a lone UTF-16 surrogate';
  return null;
};

/** A zod check that refuses text the platform would refuse for its characters, before anything is sent. */
export const sendable = (s: string, ctx: z.RefinementCtx): void => {
  const bad = unsendableChar(s);
  if (bad) ctx.addIssue({ code: 'custom', message: `contains ${bad}, which the platform refuses` });
};

/**
 * A name Roster writes (a group's, in a create or a rename): refused at parse, in a plan file,
 * in the Groups dialog or over IPC, rather than by the platform's 400 halfway through a plan.
 */
export const WrittenName = Name.superRefine(sendable);

/** Every Boomi JSON object carries `@type`; it is optional on input (clients may omit it). */
export const typeTag = <T extends string>(t: T) => z.literal(t).optional();

/** The account that owns Boomi's built-in roles (R14). */
export const BUILT_IN_ROLE_ACCOUNT = '1';
