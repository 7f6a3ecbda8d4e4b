import { diffSnapshots } from '../../shared/review';
import type { Command } from '../main';
import { loadSnapshot, readFlags } from '../io';

/** DESIGN.md "Review": structural changes and the access diff between two snapshot files. */
export const diffCommand: Command = {
  usage: '--before A.json --after B.json',
  run(args) {
    const f = readFlags(args, ['before', 'after']);
    return diffSnapshots(loadSnapshot(f.before), loadSnapshot(f.after));
  },
};
