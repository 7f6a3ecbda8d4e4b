import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AccessState } from '../../../../shared/access';
import { subjectOfChange, targetOfChange, type Change } from '../../../../shared/review';
import { plural } from '../../app/format';
import { namesFrom } from '../../../../shared/plans/describe';
import type { CompareResult } from './compare';
import { DecisionButtons } from './DecisionButtons';
import { LastChanged } from './LastChanged';

const SHOWN = 300;

const changeText = (c: Change): string => {
  const who = c.userId ? `${c.userId} ` : '';
  switch (c.kind) {
    case 'group.created': return `Group ${c.group} created`;
    case 'group.deleted': return `Group ${c.group} deleted`;
    case 'group.renamed': return `Group ${c.from} renamed to ${c.to}`;
    case 'group.accountAdded': return `${c.account} added to ${c.group}`;
    case 'group.accountRemoved': return `${c.account} removed from ${c.group}`;
    case 'group.userRoleAdded': return `${who}given ${c.role} in ${c.group}`;
    case 'group.userRoleRemoved': return `${who}lost ${c.role} in ${c.group}`;
    case 'group.resourceShared': return `${c.objectType} ${c.resource} shared with ${c.group}`;
    case 'group.resourceUnshared': return `${c.objectType} ${c.resource} unshared from ${c.group}`;
    case 'account.userRoleAdded': return `${who}given direct ${c.role} on ${c.account}`;
    case 'account.userRoleRemoved': return `${who}lost direct ${c.role} on ${c.account}`;
    case 'account.supportAccessRoleChanged': return `${c.account}: Support Access Role ${c.from ?? 'none'} → ${c.to ?? 'none'}`;
    case 'partner.accessGranted': return `${who}granted partner access to ${c.account} (${c.service})`;
    case 'partner.accessRevoked': return `${who}lost partner access to ${c.account} (${c.service})`;
  }
};

/** A compare: structural changes (each added thing can be kept or removed) and the access diff. */
export const CompareResultView = ({ title, result, s }: { title: string; result: CompareResult; s: AccessState | null }) => {
  const { changes, access } = result.diff;
  // Account names from the cache; an account gone from it keeps its id.
  const acc = namesFrom(s ?? undefined).account;
  return (
    <Stack spacing={1.5} component="section" aria-label={`Compare ${title}`}>
      <Typography variant="h6" component="h3">Compare {title}</Typography>
      <Typography variant="body2" color="text.secondary">
        {plural(changes.length, 'change')} · {plural(access.gained.length, 'log-in')} gained · {access.lost.length} lost · {access.changed.length} with other roles · computed in {Math.round(result.ms)} ms
      </Typography>
      <Box component="ul" aria-label="Structural changes" sx={{ m: 0, pl: 2 }}>
        {changes.slice(0, SHOWN).map((c, i) => {
          const target = targetOfChange(c);
          const subject = subjectOfChange(c);
          return (
            <li key={i}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Stack sx={{ flex: 1 }}>
                  <Typography variant="body2">{changeText(c)}</Typography>
                  {subject && <LastChanged subject={subject} />}
                </Stack>
                {target && <DecisionButtons target={target} label={changeText(c)} />}
              </Stack>
            </li>
          );
        })}
      </Box>
      {changes.length > SHOWN && <Typography variant="body2">…and {changes.length - SHOWN} more changes (Export gives them all).</Typography>}
      <Typography variant="subtitle1" component="h4">Access effect</Typography>
      <Box component="ul" aria-label="Access diff" sx={{ m: 0, pl: 2 }}>
        {access.gained.slice(0, SHOWN).map((e) => <li key={`g${e.userId}${e.accountId}`}><Typography variant="body2">{e.userId} gained {acc(e.accountId)} ({e.roles.join(', ') || 'partner'})</Typography></li>)}
        {access.lost.slice(0, SHOWN).map((e) => <li key={`l${e.userId}${e.accountId}`}><Typography variant="body2">{e.userId} lost {acc(e.accountId)} ({e.roles.join(', ') || 'partner'})</Typography></li>)}
        {access.changed.slice(0, SHOWN).map((e) => <li key={`c${e.userId}${e.accountId}`}><Typography variant="body2">{e.userId} on {acc(e.accountId)}: {e.before.join(', ')} → {e.after.join(', ')}</Typography></li>)}
      </Box>
    </Stack>
  );
};
