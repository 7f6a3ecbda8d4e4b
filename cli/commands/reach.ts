import { buildState, reach } from '../../shared/access';
import type { Command } from '../main';
import { loadSnapshot, readFlags } from '../io';
import { requireUser } from './common';

export const reachCommand: Command = {
  usage: '--snapshot F --user U',
  run(args) {
    const f = readFlags(args, ['snapshot', 'user']);
    const s = buildState(loadSnapshot(f.snapshot));
    return reach(s, requireUser(s, f.user)).sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  },
};
