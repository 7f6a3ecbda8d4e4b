import type { ObjectType } from '../../shared/model';
import type { Doc } from '../db/records';

/**
 * A stored record as the API shows it: `@type` always set; AccountGroup's Resources only on GET
 * (the vendor leaves them out of QUERY results, and the reference must not be kinder).
 */
export const present = (type: ObjectType, doc: Doc, verb: 'GET' | 'QUERY'): Doc => {
  const out: Doc = { '@type': type, ...doc };
  if (type === 'AccountGroup' && verb === 'QUERY') delete out.Resources;
  return out;
};
