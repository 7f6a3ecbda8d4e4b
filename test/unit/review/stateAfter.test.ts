import { describe, expect, it } from 'vitest';
import { buildState, reach } from '../../../shared/access';
import { groupAccountInfo } from '../../../shared/access/groupInfo';
import { generateSnapshot } from '../../../shared/seeds/generate';
import { diffStates, stateAfter } from '../../../shared/review';
import { stateDump } from '../../../shared/review/stateAfter';
import type { Snapshot } from '../../../shared/model';
import { drift } from '../../bench/support/drift';
import { ABC, G, U1, example } from '../access/fixtures';

/** The after state as a patched fork must be the state a full build of the after snapshot makes. */
describe('stateAfter: the after side of a diff built from the before state', () => {
  const before = generateSnapshot('partner', 3);
  const b = buildState(before);

  for (const seed of [1, 2, 3]) {
    it(`drift seed ${seed}: every index equals buildState(after), and so does the diff`, () => {
      const after = drift(before, seed, 150);
      const patched = stateAfter(b, after);
      const full = buildState(after);
      expect(stateDump(patched)).toEqual(stateDump(full));
      expect(diffStates(b, patched)).toEqual(diffStates(b, full));
    });
  }

  it('an account renamed in a group keeps no stale name in the group\'s memoised info (reach reads it)', () => {
    const s0 = example();
    const bs = buildState(s0);
    const old = groupAccountInfo(bs, G.services1);
    expect(old.names).toContain('Doc ABC Company');
    const after: Snapshot = { ...s0, Account: s0.Account.map((a) => (a.accountId === ABC ? { ...a, name: 'Doc ABC Renamed' } : a)) };
    const as = stateAfter(bs, after);
    expect(groupAccountInfo(as, G.services1).names).toContain('Doc ABC Renamed');
    expect(reach(as, U1).find((r) => r.accountId === ABC)?.name).toBe('Doc ABC Renamed');
    // The before side is left as it was.
    expect(groupAccountInfo(bs, G.services1).names).toContain('Doc ABC Company');
  });

  it('a group emptied of accounts has no membership entry, as in a full build', () => {
    const s0 = example();
    const after: Snapshot = { ...s0, AccountGroupAccount: s0.AccountGroupAccount.filter((l) => l.accountGroupId !== G.services2) };
    expect(stateDump(stateAfter(buildState(s0), after))).toEqual(stateDump(buildState(after)));
  });
});
