import { buildState, explain } from '../../shared/access';
import type { Command } from '../main';
import { loadSnapshot, readFlags } from '../io';
import { focusSnapshot, userCandidates } from '../focus';
import { requireAccount, requireUser } from './common';

export const explainCommand: Command = {
  usage: '--snapshot F --user U --account A',
  run(args) {
    const f = readFlags(args, ['snapshot', 'user', 'account']);
    const snap = loadSnapshot(f.snapshot);
    // Only the links of this user and this account are indexed (see focus.ts).
    const s = buildState(focusSnapshot(snap, { users: userCandidates(snap, f.user), accounts: new Set([f.account]) }));
    return explain(s, requireUser(s, f.user), requireAccount(s, f.account));
  },
};
