import { buildState, who } from '../../shared/access';
import type { Command } from '../main';
import { loadSnapshot, readFlags } from '../io';
import { focusSnapshot } from '../focus';
import { requireAccount } from './common';

export const whoCommand: Command = {
  usage: '--snapshot F --account A',
  run(args) {
    const f = readFlags(args, ['snapshot', 'account']);
    // Only this account's links are indexed (see focus.ts), not every user's.
    const s = buildState(focusSnapshot(loadSnapshot(f.snapshot), { accounts: new Set([f.account]) }));
    return who(s, requireAccount(s, f.account));
  },
};
