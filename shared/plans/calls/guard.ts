import type { ObjectType } from '../../model';
import { ConflictError, type Expectation } from '../call';

/**
 * For calls that GET a record before writing it: the op's expectations on that record must
 * still hold on the platform (or the record must already show my value), else it is a conflict.
 */
export const guard = (expect: Expectation[], type: ObjectType, id: string, current: Record<string, unknown>, mine: (r: Record<string, unknown>) => boolean): void => {
  if (mine(current)) return;
  const broken = expect.filter((e) => e.type === type && e.id === id && e.field !== undefined && e.contains === undefined)
    .filter((e) => (current[e.field!] ?? null) !== (e.value ?? null));
  if (broken.length) throw new ConflictError(broken.map((e) => ({ expectation: e, theirs: current[e.field!] ?? null })));
};
