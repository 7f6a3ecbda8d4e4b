import type { ObjectType } from '../../model';
import { classifyFailure } from '../api';
import { ConflictError, type CallContext } from '../types';

const LABEL: Partial<Record<ObjectType, string>> = { AccountGroup: 'group', PartnerService: 'service', Account: 'account' };

/**
 * GET for a read-modify-write: a record someone else deleted (404) is a conflict for the admin
 * ("theirs: gone"), not a failure to retry nor something to write back into existence.
 */
export const readOrGone = async (ctx: CallContext, type: ObjectType, id: string): Promise<Record<string, unknown>> => {
  try {
    return (await ctx.api.get(type, id)) as Record<string, unknown>;
  } catch (e) {
    const f = classifyFailure(e);
    if (f.kind === 'reject' && f.status === 404) {
      throw new ConflictError([{ expectation: { type: type as 'AccountGroup', id }, theirs: undefined, note: `the ${LABEL[type] ?? type} ${id} was deleted by someone else` }]);
    }
    throw e;
  }
};
