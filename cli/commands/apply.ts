import { realClock, seededRandom } from '../../shared/sync/clock';
import { applyPlanFile, PlanInputError, readState } from '../../shared/sync/headless';
import type { Command } from '../main';
import { CliError, readFlags, readJsonFile, type CliArgs } from '../io';
import { connect, platformInputError } from './export';

/**
 * `roster apply --platform URL --user U --token T --plan P`: one JSON line per op, then a
 * summary line. Exit 0 when every op is applied or unchanged, 1 when some failed or
 * conflicted, 2 on bad input (flags, plan file, names that do not resolve, credentials).
 */
export const applyCommand: Command = {
  usage: '--platform URL --user U --token T --plan P [--rate N]',
  async run(args: CliArgs) {
    const f = readFlags(args, ['platform', 'user', 'token', 'plan'], ['rate']);
    const planJson = readJsonFile(f.plan, 'plan');
    const { api, accountId, calls } = connect(f);
    const started = realClock.now();
    let state;
    try {
      state = await readState(api, planJson, accountId);
    } catch (e) {
      throw platformInputError(e) ?? e;
    }
    let result;
    try {
      result = await applyPlanFile({
        api, accountId, clock: realClock, random: seededRandom(started), planJson, state: state.snapshot, absent: state.absent,
        onLine: (l) => process.stdout.write(`${JSON.stringify(l)}\n`),
      });
    } catch (e) {
      if (e instanceof PlanInputError) throw new CliError(`plan ${f.plan}: ${e.message}`);
      throw e;
    }
    const { summary } = result;
    process.stdout.write(`${JSON.stringify({ summary: { ...summary, calls: calls(), seconds: (realClock.now() - started) / 1000 } })}\n`);
    const bad = summary.failed + summary.conflict;
    if (bad) throw new CliError(`${bad} of ${summary.ops} op(s) failed or conflicted (see the lines above)`, 1);
    return undefined;
  },
};
