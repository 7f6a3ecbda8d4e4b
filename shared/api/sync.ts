import type { PlatformClient } from './client';
import type { ObjectType, QueryConfig } from '../model';

/**
 * The slice of the platform client (shared/api/client.ts) the sync engine needs. The HTTP
 * transport is injected (DESIGN.md "Data flow"), so main and `roster apply` run the same engine
 * and tests pass in-memory fakes.
 */
export type SyncApi = Pick<PlatformClient, 'query' | 'get' | 'create' | 'update' | 'delete'>;

/**
 * How the engine reacts to a failed call:
 * - retry: the platform did not act (503 rate limit) — back off and send again;
 * - unknown: it may have acted (network drop, timeout, 5xx) — back off, check by natural key, then resend;
 * - reject: a 4xx refusal — the call fails with the platform's message, the rest continue;
 * - auth: 401 — pause the queue until the admin signs in again.
 */
export type FailureKind = 'retry' | 'unknown' | 'reject' | 'auth';

export interface Failure {
  kind: FailureKind;
  status?: number;
  message: string;
}

const field = (e: unknown, name: string): unknown => (typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[name] : undefined);

export const messageOf = (e: unknown): string => {
  const m = field(e, 'message');
  return typeof m === 'string' ? m : String(e);
};

export const classifyFailure = (e: unknown): Failure => {
  const s = field(e, 'status');
  const status = typeof s === 'number' && s > 0 ? s : undefined;
  const message = messageOf(e);
  // No HTTP status, or an answer we could not read: the platform may have acted.
  if (status === undefined || field(e, 'kind') === 'invalid-response') return { kind: 'unknown', message };
  if (status === 401) return { kind: 'auth', status, message };
  if (status === 503 || status === 429) return { kind: 'retry', status, message };
  // A 500 may come after the write committed: treat as unknown and check before resending.
  if (status >= 500 || status === 408) return { kind: 'unknown', status, message };
  return { kind: 'reject', status, message };
};

/** A refusal decided on our side (e.g. a provisional group that was never created): fails the call. */
export class Refusal extends Error {
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

export const queryAll = async (api: SyncApi, type: ObjectType, filter?: QueryConfig): Promise<Record<string, unknown>[]> => {
  const out: Record<string, unknown>[] = [];
  for await (const page of api.query(type, filter)) out.push(...(page.records as Record<string, unknown>[]));
  return out;
};

/** An AND of EQUALS terms: the natural-key lookup every idempotency check uses. */
export const equalsAll = (terms: Record<string, string>): QueryConfig => {
  const exprs = Object.entries(terms).map(([property, v]) => ({ operator: 'EQUALS' as const, property, argument: [v] }));
  if (exprs.length === 1) return { QueryFilter: { expression: exprs[0] } };
  return { QueryFilter: { expression: { operator: 'and', nestedExpression: exprs } } };
};
