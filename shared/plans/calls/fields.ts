import type { ObjectType } from '../../model';
import type { Call, CallContext } from '../call';
import type { PlanOp } from '../types';
import { guard } from './guard';

type Rec = Record<string, unknown>;

/** null means "unset" (e.g. no Support Access Role, R10). */
const fieldOf = (r: Rec | undefined, field: string): unknown => (r ? (r[field] ?? null) : undefined);

/**
 * Sets one field of one record: GET (the op's precondition is checked against it), then UPDATE
 * with that field only — the platform keeps fields left out, and sending back the rest as read
 * would undo another admin's change to another field made since our GET. Key type+id+field, so
 * two changes of the same field never race inside one engine.
 */
export const fieldCall = (effect: PlanOp, type: ObjectType, id: string, field: string, value: unknown, idField = 'id'): Call => ({
  key: `${type}.${field}|${id}`,
  label: `set ${type} ${id} ${field} to ${JSON.stringify(value)}`,
  effect,
  async send(ctx: CallContext, expect) {
    const current = (await ctx.api.get(type, id)) as Rec;
    guard(expect, type, id, current, (r) => fieldOf(r, field) === value);
    // null is sent as null: the platform keeps a field left out of an UPDATE and clears one set to null.
    await ctx.api.update(type, id, { '@type': type, [idField]: id, [field]: value });
  },
  check: async (ctx) => fieldOf((await ctx.api.get(type, id)) as Rec, field) === value,
});
