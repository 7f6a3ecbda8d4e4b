import type { ConflictInfo } from '../../../../shared/sync/types';
import type { Names } from '../../../../shared/plans/describe';

const LABEL: Record<string, string> = { AccountGroup: 'group', Account: 'account', Role: 'role', PartnerService: 'service' };

const nameOf = (type: string, id: string, n: Names): string =>
  type === 'AccountGroup' ? n.group(id) : type === 'Account' ? n.account(id) : type === 'Role' ? n.role(id) : type === 'PartnerService' ? n.service(id) : id;

/** The platform's side of a conflict, by name: what changed behind the admin's back. */
export const theirsText = (conflicts: readonly ConflictInfo[], n: Names): string =>
  conflicts
    .map(({ expectation: e, theirs, note }) => {
      if (note !== undefined) return note;
      const what = `${LABEL[e.type] ?? e.type} “${nameOf(e.type, e.id, n)}”`;
      if (theirs === undefined) return `the ${what} no longer exists`;
      if (e.contains !== undefined) return `${e.contains} is no longer in the ${what}`;
      return `the ${what} now has ${e.field} ${JSON.stringify(theirs)} (you expected ${JSON.stringify(e.value ?? null)})`;
    })
    .join('; ');
