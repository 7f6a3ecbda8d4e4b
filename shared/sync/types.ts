import { z } from 'zod';
import { Id } from '../model';
import { PlanOp } from '../plans/types';

export { ConflictError, type Call, type CallContext, type ConflictInfo, type Expectation, type Resolver } from '../plans/call';

/**
 * Where an outbox op stands (DESIGN.md "Data flow" 3–5): one vocabulary for the renderer's
 * outbox, main's journal, the engine and `roster apply`.
 */
export const OpStatus = z.enum(['pending', 'inflight', 'applied', 'unchanged', 'failed', 'conflict']);
export type OpStatus = z.infer<typeof OpStatus>;
export const FINAL_STATUSES: readonly OpStatus[] = ['applied', 'unchanged', 'failed', 'conflict'];
export const isFinal = (s: OpStatus): boolean => FINAL_STATUSES.includes(s);
/** The platform took the op (it changed something, or its effect already held). */
export const isLanded = (s: OpStatus): boolean => s === 'applied' || s === 'unchanged';

const ExpectationSchema = z
  .object({
    type: z.enum(['AccountGroup', 'Account', 'Role', 'PartnerService']),
    id: Id,
    field: z.string().max(100).optional(),
    value: z.unknown().optional(),
    contains: z.string().max(255).optional(),
  })
  .strict();

/** What an op's intent was based on, read from the admin's view in the transaction that queued it. */
export const Precondition = z.object({ expect: z.array(ExpectationSchema).max(200_000) }).strict();
export type Precondition = z.infer<typeof Precondition>;

/**
 * The one outbox record: a row of the renderer's Dexie outbox, an entry of main's journal, an
 * op of the engine and of `roster apply`, and what crosses IPC (sync.push in, sync.op out).
 */
export const OutboxOp = z
  .object({
    id: z.string().min(1).max(200),
    planId: z.string().min(1).max(200),
    /** Global queue order across plans: ops are pushed in seq order. */
    seq: z.number().int().min(0),
    /**
     * How many times the admin sent this op again after it finished (keep mine on a conflict, a
     * failure re-queued when its group was adopted). Main journals results by (id, round): it
     * answers a finished round from its journal instead of sending it twice, and a late result
     * of an earlier round is ignored.
     */
    round: z.number().int().min(0),
    args: PlanOp,
    precondition: Precondition,
    status: OpStatus,
    attempts: z.number().int().min(0),
    lastError: z.string().max(10_000).optional(),
    conflict: z.array(z.object({ expectation: ExpectationSchema, theirs: z.unknown(), note: z.string().max(10_000).optional() }).strict()).optional(),
    createdAt: z.number(),
    updatedAt: z.number(),
    /** What undoes this op, read from the view it was queued against (History's Undo); kept by the renderer only. */
    inverse: z.object({ ops: z.array(PlanOp), notes: z.array(z.string()) }).strict().optional(),
    /** When the platform took it (ms); cleared once a refresh begun after it completed. Renderer only. */
    landedAt: z.number().optional(),
  })
  .strict();
export type OutboxOp = z.infer<typeof OutboxOp>;

/** Which round of which op: what main keys its journal and its queue by. */
export type OpRef = Pick<OutboxOp, 'id' | 'round'>;
export const OpRef = z.object({ id: z.string().min(1).max(200), round: z.number().int().min(0) }).strict();
/** A map key for one round of an op (never parsed back). */
export const opKey = (o: OpRef): string => `${o.round}:${o.id}`;

export interface Progress {
  done: number;
  total: number;
  /** Calls per second over the recent window. */
  rate: number;
  etaMs: number | null;
  paused: boolean;
  pausedReason?: 'auth' | 'user' | 'offline' | 'journal';
}
