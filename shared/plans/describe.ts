import type { AccessState } from '../access/state';
import { userName } from '../access/reach';

/**
 * How ops are put into words, the same on every screen (previews, the outbox, conflicts, the
 * CLI): each op module's `describe` builds one plain sentence from these pieces. Names come from
 * the state when it knows them; ids are the fallback, never an error.
 */
export interface Names {
  group(id: string): string;
  account(id: string): string;
  role(id: string): string;
  user(id: string): string;
  service(id: string): string;
  /**
   * Whether the platform does what the vendor's API documents (e-mails on adds by default, users
   * created by a role on an account): false on a platform known not to (the reference platform's
   * default profile), where sentences say nothing of either; absent: said as the vendor's.
   */
  vendor?: boolean;
}

export const namesFrom = (s: AccessState | undefined): Names => ({
  group: (id) => s?.groups.get(id)?.name ?? (id.startsWith('new:') ? id.slice(4) : id),
  account: (id) => s?.accounts.get(id)?.name ?? id,
  role: (id) => s?.roles.get(id)?.name ?? id,
  // A person is named by name and e-mail on every screen: "Serv User3 (ServUser3@boomi.com)".
  user: (id) => (s ? userInWords(id, displayName(s, id)) : id),
  service: (id) => s?.services.get(id)?.name ?? id,
});

const MAX = 5;
// One formatter for every sentence: Number#toLocaleString builds a new one per call.
const numbers = new Intl.NumberFormat();

/** "a, b, c, d, e and 4 more". */
export const list = (names: readonly string[]): string =>
  names.length <= MAX ? names.join(', ') : `${names.slice(0, MAX).join(', ')} and ${numbers.format(names.length - MAX)} more`;

/** "1 account", "20,000 accounts". */
export const count = (n: number, word: string): string => `${numbers.format(n)} ${word}${n === 1 ? '' : 's'}`;

/** "the role X" / "the roles X, Y". */
export const roles = (ids: readonly string[], n: Names): string => `the role${ids.length === 1 ? '' : 's'} ${list(ids.map(n.role))}`;

export const resources = (rs: readonly { objectType: string; resourceId: string; resourceName?: string | undefined }[]): string =>
  list(rs.map((r) => `${r.objectType} “${r.resourceName ?? r.resourceId}”`));

/** Said after an add whose users the platform e-mails (notifyUser); silence is the default, and on a platform that sends none. */
export const notice = (notifyUser: boolean | undefined, n: Names): string => (notifyUser && n.vendor !== false ? ' The platform e-mails each user added.' : '');

/** "Serv User3 (ServUser3@boomi.com)", or the e-mail alone where no name is known. */
export const userInWords = (userId: string, name: string | null | undefined): string => (name ? `${name} (${userId})` : userId);

/** The display name the state knows ("Serv User3"), or null when it knows only the id. */
export const displayName = (s: AccessState, userId: string): string | null => {
  const name = userName(s, userId);
  return name === userId ? null : name;
};

/** The platform's refusal of a group add for a user who has never signed in, in words. */
export const neverSignedInRefusal = (userId: string, name: string | null | undefined): string =>
  `${userInWords(userId, name)} has never signed in; the platform cannot add them to a group until they do`;
