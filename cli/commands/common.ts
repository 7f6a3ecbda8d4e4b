import type { AccessState } from '../../shared/access';
import { CliError } from '../io';

export const requireUser = (s: AccessState, userId: string): string => {
  if (s.users.has(userId)) return userId;
  const byMail = s.users.keys().find((u) => u.toLowerCase() === userId.toLowerCase());
  if (byMail) return byMail;
  throw new CliError(`unknown user "${userId}"`);
};

export const requireAccount = (s: AccessState, accountId: string): string => {
  if (s.accounts.has(accountId)) return accountId;
  throw new CliError(`unknown account "${accountId}"`);
};
