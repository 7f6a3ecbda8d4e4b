import type { ObjectType } from '../../shared/model';
import type { Ctx } from '../api/access';
import type { Doc, Q } from '../db/records';

/** One write: runs inside a transaction; returns the stored record (nothing for DELETE). */
export type WriteOp = (tx: Q, ctx: Ctx, body: Doc, id: string) => Promise<Doc | void>;

export interface TypeWrites {
  create?: WriteOp;
  update?: WriteOp;
  remove?: WriteOp;
}

export const WRITES: Partial<Record<ObjectType, TypeWrites>> = {};
