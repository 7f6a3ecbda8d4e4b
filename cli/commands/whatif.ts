import { buildState } from '../../shared/access';
import { neverSignedInOf, neverSignedInWarning, notificationsOf, notifies, whatIf } from '../../shared/plans';
import { resolvePlanFile } from '../../shared/plans';
import type { Command } from '../main';
import { CliError, loadSnapshot, readFlags, readJsonFile } from '../io';

export const whatifCommand: Command = {
  usage: '--snapshot F --plan P',
  run(args) {
    const f = readFlags(args, ['snapshot', 'plan']);
    const s = buildState(loadSnapshot(f.snapshot));
    const plan = resolvePlanFile(s, readJsonFile(f.plan, 'plan'));
    if (!plan.ok) throw new CliError(`plan ${f.plan} is invalid:\n${plan.errors.slice(0, 20).join('\n')}`);
    // The vendor e-mails each user an add gives a role unless the plan says notifyUser false (absent is false).
    const n = notificationsOf(s, plan.ops);
    // Users the snapshot knows have never signed in: the platform will refuse their group roles.
    const neverSignedIn = neverSignedInOf(s, plan.ops).map((u) => ({ ...u, warning: neverSignedInWarning(u) }));
    return { ...whatIf(s, plan.ops), notifications: { ...n, send: notifies(plan.ops) }, neverSignedIn };
  },
};
