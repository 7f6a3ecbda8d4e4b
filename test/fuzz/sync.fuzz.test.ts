import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFake, startReal, type FuzzPlatform } from './platforms';
import { simulate } from './sim';
import { watched } from './watch';

/**
 * Seeds that once failed stay here for good (pin every failing seed).
 * 529 (in memory): a failed op's landed call raced another admin's removal and the checker
 * judged the race — fixed in verify.ts (failed ops take part in races, are not judged).
 * 156 (in memory): another admin renamed a group between its dropped create and the check by
 * name, so it was created again (a duplicate). Fixed in calls/groupCreate.ts + groupLedger.ts:
 * the create becomes a conflict naming the group that appeared; the checker now allows extra
 * groups only for creates reported that way. The race depends on timing, so it is also forced
 * (renameRace) on seed 156 below.
 * 2002 (reference platform): clearing a Support Access Role left the field out of the UPDATE,
 * which the platform reads as "keep" — fixed in calls/fields.ts (null is sent as null).
 */
const PINNED_PLATFORM: number[] = [2002];
const PINNED_MEMORY: number[] = [529, 156];

/**
 * Each seed is guarded by what it does, not by the wall clock (watch.ts): a seed that stops
 * answering for STALL.stallMs is hung, one that sends more than maxCalls is running away. The
 * figures are far above what a seed does (at most ~500 calls; the longest silence seen was 2 s,
 * at a load average of 20 on 2 cores), and a busy machine changes neither, so the tests carry no
 * wall-clock budget of their own (timeout 0): on a loaded machine a budget failed seeds that were
 * only slow.
 */
const STALL = { stallMs: 30_000, maxCalls: 10_000 };

describe('sync fuzz: admins, offline periods, ~20% faults — nothing lost, duplicated or silently overwritten', () => {
  describe('against the reference platform (HTTP, PGlite, its fault injection)', () => {
    // One platform for all seeds (its start dominates): the invariants are judged against the
    // state each seed starts from, and every seed names its groups after itself.
    let p: FuzzPlatform;
    beforeAll(async () => {
      p = await startReal(1);
    });
    afterAll(async () => {
      await p?.close();
    });

    it('seeds 1–5 and the pinned ones', async () => {
      for (const seed of [1, 2, 3, 4, 5, ...PINNED_PLATFORM]) {
        const r = await watched(`seed ${seed}`, p, STALL, (w) => simulate(w, { seed }));
        expect(r.violations, `seed ${seed}`).toEqual([]);
        expect(r.ops).toBeGreaterThan(0);
      }
    }, 0);
  });

  it('seed 156, its rename race forced: the dropped create is reported as possibly renamed, never created twice', async () => {
    const r = await watched('seed 156', startFake(156, { renameRace: true }), STALL, (w) => simulate(w, { seed: 156 }));
    expect(r.violations).toEqual([]);
    expect(r.doubtfulCreates).toBeGreaterThan(0);
  }, 0);

  it('against the in-memory platform, 80 seeds and the pinned ones', async () => {
    for (const seed of [...Array.from({ length: 80 }, (_, i) => 100 + i), ...PINNED_MEMORY]) {
      const r = await watched(`seed ${seed}`, startFake(seed), STALL, (w) => simulate(w, { seed }));
      expect(r.violations, `seed ${seed}`).toEqual([]);
    }
  }, 0);
});
