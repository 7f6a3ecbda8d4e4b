import { buildState, reach } from '../../shared/access';
import type { Command } from '../main';
import { loadSnapshot, readFlags } from '../io';
import { focusSnapshot, userCandidates } from '../focus';
import { requireUser } from './common';

export const reachCommand: Command = {
  usage: '--snapshot F --user U',
  run(args) {
    const f = readFlags(args, ['snapshot', 'user']);
    const snap = loadSnapshot(f.snapshot);
    // Only this user's links and the memberships of their groups are indexed (see focus.ts).
    const s = buildState(focusSnapshot(snap, { users: userCandidates(snap, f.user), userReach: true }));
    return reach(s, requireUser(s, f.user)).sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  },
};
