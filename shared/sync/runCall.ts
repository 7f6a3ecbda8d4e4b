import { backoffMs, type BackoffPolicy } from './backoff';
import { classifyFailure, messageOf } from '../api/sync';
import type { Clock } from './clock';
import type { AccessState } from '../access/state';
import { holdsIn } from '../plans/apply';
import { ConflictError, type Call, type CallContext, type ConflictInfo, type Expectation } from './types';

export type CallResult =
  | { status: 'applied' | 'unchanged'; attempts: number }
  | { status: 'failed'; attempts: number; error: string }
  | { status: 'conflict'; attempts: number; error: string; conflicts: ConflictInfo[] }
  /** Stopped (cancel) before an outcome: the op stays queued. */
  | { status: 'stopped'; attempts: number };

export interface CallHost {
  ctx(): CallContext;
  clock: Clock;
  random: () => number;
  backoff: BackoffPolicy;
  maxAttempts: number;
  /** Resolves when the engine may send (not paused); false when it was cancelled. */
  gate(): Promise<boolean>;
  /** 401: pause everything until the admin signs in again. */
  authFailed(message: string): void;
  /** A fresh state, if the caller has one: calls whose effect already holds there are `unchanged` with no request. */
  known?: AccessState;
}

type Phase = 'send' | 'verify-unknown' | 'verify-rejected';

/** Refusals that mean "the state moved under me" rather than "never". */
const RACY = [404, 409, 410];

/**
 * Sends one call exactly once (DESIGN.md "Push"): retries after 503 and 5xx with jittered
 * backoff; after an unknown outcome (dropped connection, timeout, commit-then-drop) it first
 * checks by natural key whether the effect holds, and only resends if it does not; a 4xx
 * whose effect already holds (creating what exists, deleting what is gone) is `unchanged`.
 *
 * `attempts` counts sends of the call, what the admin sees as the op's attempts: the read that
 * checks a refusal or an unknown outcome is no attempt, so a 400 sent once and checked is one.
 * A resumed call counts the send of the run that left it inflight (never recorded). Giving up
 * (`maxAttempts`) counts every request, checks included, so a platform that cannot be reached
 * for the check is still given up on.
 */
export const runCall = async (host: CallHost, call: Call, expect: Expectation[], uncertain: boolean): Promise<CallResult> => {
  let phase: Phase = uncertain ? 'verify-unknown' : 'send';
  let requests = 0;
  let attempts = uncertain ? 1 : 0;
  let rejection = '';
  let rejectedWith = 0;
  let resent = false;
  if (phase === 'send' && host.known && holdsIn(host.known, call.effect)) return { status: 'unchanged', attempts };
  for (;;) {
    if (!(await host.gate())) return { status: 'stopped', attempts };
    try {
      requests++;
      if (phase !== 'send') {
        const holds = await call.check(host.ctx());
        if (holds) return { status: phase === 'verify-rejected' ? 'unchanged' : 'applied', attempts };
        // "Already exists" / "not found", yet the check says otherwise: someone changed it
        // between the two requests. Send once more; any other refusal stands.
        if (phase === 'verify-rejected') {
          if (resent || !RACY.includes(rejectedWith)) return { status: 'failed', attempts, error: rejection };
          resent = true;
        }
        phase = 'send';
        requests++;
      }
      attempts++;
      await call.send(host.ctx(), expect);
      return { status: 'applied', attempts };
    } catch (e) {
      if (e instanceof ConflictError) return { status: 'conflict', attempts, error: e.message, conflicts: e.conflicts };
      const f = classifyFailure(e);
      if (f.kind === 'auth') {
        host.authFailed(f.message);
        continue;
      }
      if (f.kind === 'reject') {
        if (phase === 'verify-rejected') return { status: 'failed', attempts, error: rejection };
        rejection = f.message;
        rejectedWith = f.status ?? 0;
        phase = 'verify-rejected';
        continue;
      }
      // A failed check leaves us as unsure as before; a failed send may have landed.
      if (f.kind === 'unknown' && phase === 'send') phase = 'verify-unknown';
      if (requests >= host.maxAttempts) return { status: 'failed', attempts, error: `gave up after ${requests} requests: ${messageOf(e)}` };
      await host.clock.sleep(backoffMs(Math.max(1, requests), host.random, host.backoff));
    }
  }
};
