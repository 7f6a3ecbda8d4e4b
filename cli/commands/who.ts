import { buildState, who } from '../../shared/access';
import type { Command } from '../main';
import { loadSnapshot, readFlags } from '../io';
import { requireAccount } from './common';

export const whoCommand: Command = {
  usage: '--snapshot F --account A',
  run(args) {
    const f = readFlags(args, ['snapshot', 'account']);
    const s = buildState(loadSnapshot(f.snapshot));
    return who(s, requireAccount(s, f.account));
  },
};
