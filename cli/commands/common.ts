import type { AccessState } from '../../shared/access';
import { isKnownUser } from '../../shared/access';
import { CliError } from '../io';

export const requireUser = (s: AccessState, userId: string): string => {
  const byMail = s.users.keys().find((u) => u.toLowerCase() === userId.toLowerCase());
  if (byMail) return byMail;
  if (isKnownUser(s, userId)) return userId;
  throw new CliError(`unknown user "${userId}"`);
};

export const requireAccount = (s: AccessState, accountId: string): string => {
  if (s.accounts.has(accountId)) return accountId;
  throw new CliError(`unknown account "${accountId}"`);
};
