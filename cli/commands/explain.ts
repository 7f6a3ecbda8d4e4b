import { buildState, explain } from '../../shared/access';
import type { Command } from '../main';
import { loadSnapshot, readFlags } from '../io';
import { requireAccount, requireUser } from './common';

export const explainCommand: Command = {
  usage: '--snapshot F --user U --account A',
  run(args) {
    const f = readFlags(args, ['snapshot', 'user', 'account']);
    const s = buildState(loadSnapshot(f.snapshot));
    return explain(s, requireUser(s, f.user), requireAccount(s, f.account));
  },
};
