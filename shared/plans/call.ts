import type { SyncApi } from '../api/sync';
import type { PlanOp } from './types';

/**
 * What an op's API calls need to be sent exactly once. The op modules (./ops) build their calls
 * from these types; the push engine (shared/sync) schedules and retries them. They live here,
 * below the engine, so one op module holds its rules, its effect and its calls together.
 */

/**
 * One field value the admin's intent was based on: when the confirmed snapshot no longer shows
 * it (someone else changed the same thing), the op is a conflict, never a silent overwrite.
 */
export interface Expectation {
  type: 'AccountGroup' | 'Account' | 'Role' | 'PartnerService';
  id: string;
  /** Absent: the record must merely exist. */
  field?: string;
  /** The field equals this value (null: the field is unset). */
  value?: unknown;
  /** The field is a list that contains this item (R28: an account still in the service). */
  contains?: string;
}

/** What the other side did, shown next to mine when an op is in conflict. */
export interface ConflictInfo {
  expectation: Expectation;
  /** The value on the platform now (undefined: the record is gone). */
  theirs: unknown;
  /** What happened, in words, when the expectation alone does not say it (e.g. a create that may have been renamed). */
  note?: string;
}

/** Thrown by a call that read the record and found someone else changed what the op relied on. */
export class ConflictError extends Error {
  constructor(readonly conflicts: ConflictInfo[]) {
    const what = (c: ConflictInfo) => c.note ?? `${c.expectation.type} ${c.expectation.id}${c.expectation.field ? `.${c.expectation.field}` : ''}`;
    super(`changed by someone else: ${conflicts.map(what).join(', ')}`);
    this.name = 'ConflictError';
  }
}

/** Provisional group ids (`new:<name>`) resolved to real ids. */
export interface Resolver {
  group(id: string): Promise<string>;
  /** Records the real id of a provisional group as soon as it is known (a later rename cannot lose it). */
  learn(provisionalId: string, realId: string): void;
}

export interface GroupSeen {
  id: string;
  name: string;
}

/**
 * The engine's memory of group creates (shared/sync/groupLedger.ts implements it): a group's only
 * natural key is its name, so a create whose outcome was unknown needs to know which groups
 * existed before it was sent to tell "never landed" from "landed and renamed by someone else".
 */
export interface GroupCreates {
  before(ctx: CallContext, name: string): Promise<void>;
  doubt(name: string): void;
  settled(name: string, id?: string): void;
  doubtful(name: string): { base: ReadonlySet<string> } | undefined;
  appeared(ctx: CallContext, base: ReadonlySet<string>): Promise<GroupSeen[]>;
}

export interface CallContext {
  api: SyncApi;
  /** The primary account the platform URL names (groups are created under it). */
  accountId: string;
  resolve: Resolver;
  /** The groups seen before creates were sent; absent, a create is checked by name alone. */
  groups?: GroupCreates;
}

/**
 * One API call of an op, with everything the engine needs to send it exactly once: its natural
 * key, a check by that key against the platform, and the part of the op it carries out (`effect`,
 * itself an op), whose effect on a state is the op module's `perform` — the same model the
 * preview, the optimistic view and reconcile use.
 */
export interface Call {
  /** Natural key, e.g. AGUR|group|user|role. Two calls with the same key never run at once. */
  key: string;
  label: string;
  /** The provisional group this call needs resolved first, if any. */
  needs?: string;
  /** Runs alone: every earlier call finishes first and later ones wait (e.g. a role delete after the removals it relies on). */
  barrier?: boolean;
  /** The part of the op this call carries out (one link of a bulk op, or the whole op). */
  effect: PlanOp;
  /** Sends the call; `expect` is the op's precondition, which calls that read before writing verify. */
  send(ctx: CallContext, expect: Expectation[]): Promise<void>;
  /** Does the effect already hold on the platform? */
  check(ctx: CallContext): Promise<boolean>;
}
