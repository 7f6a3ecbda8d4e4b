import type { ObjectType } from '../../shared/model';
import type { Doc } from '../db/records';
import { badRequest, HttpError } from '../errors';
import { WRITES } from '../ops';
import type { PlatformState } from '../state';
import type { Verb } from '../types';
import { requireAdmin, type Ctx } from './access';
import { checkWriteBody } from './bodies';
import { present } from './present';
import { scopeFor } from './scope';

const asObject = (type: ObjectType, body: unknown): Doc => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest(`the body must be a ${type} JSON object`);
  const t = (body as Doc)['@type'];
  if (t !== undefined && t !== type) throw badRequest(`the body is a ${String(t)}, not a ${type}`);
  return body as Doc;
};

/**
 * Every write runs in one transaction: its checks and its changes see one consistent state,
 * and concurrent writers are serialised by PGlite, so two racing creates of the same link give
 * one success and one 409 rather than a duplicate.
 */
export const runWrite = async (
  state: PlatformState, ctx: Ctx, type: ObjectType, verb: Extract<Verb, 'CREATE' | 'UPDATE' | 'DELETE'>, id: string | undefined, body: unknown,
): Promise<Doc | undefined> => {
  const ops = WRITES[type];
  const what = `${verb.toLowerCase()} ${type}`;
  scopeFor(ctx, type); // R1 and child-account limits, before privileges: the clearer refusal first
  requireAdmin(ctx, what);
  const op = verb === 'CREATE' ? ops?.create : verb === 'UPDATE' ? ops?.update : ops?.remove;
  if (!op) throw new HttpError(405, `${type} does not support ${verb}`);
  const input = verb === 'DELETE' ? {} : asObject(type, body);
  if (verb !== 'DELETE') checkWriteBody(type, input);
  const out = await state.db.transaction((tx) => op(tx, ctx, input, id ?? ''));
  return out ? present(type, out, 'GET') : undefined;
};
