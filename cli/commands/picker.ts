import { buildState, partnerPicker } from '../../shared/access';
import type { Command } from '../main';
import { CliError, loadSnapshot, readFlags } from '../io';

export const pickerCommand: Command = {
  usage: '--snapshot F --service S --accounts A1,A2 --mode grant|revoke [--search TEXT]',
  run(args) {
    const f = readFlags(args, ['snapshot', 'service', 'accounts', 'mode'], ['search']);
    if (f.mode !== 'grant' && f.mode !== 'revoke') throw new CliError(`--mode must be grant or revoke, got "${f.mode}"`);
    const accountIds = f.accounts.split(',').map((a) => a.trim()).filter(Boolean);
    if (!accountIds.length) throw new CliError('--accounts must list at least one account id');
    const s = buildState(loadSnapshot(f.snapshot));
    if (!s.services.has(f.service)) throw new CliError(`unknown partner service "${f.service}"`);
    const unknown = accountIds.filter((a) => !s.accounts.has(a));
    if (unknown.length) throw new CliError(`unknown account "${unknown[0]}"`);
    try {
      return partnerPicker(s, { serviceId: f.service, accountIds, mode: f.mode, search: f.search });
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  },
};
