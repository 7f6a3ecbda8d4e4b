import { Fragment, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AccessState, EffectiveAccess } from '../../../../shared/access';
import { explain } from '../../../../shared/access';
import { userName } from '../../../../shared/access/reach';
import { VIA_LABEL, groupsOf, planRemoveFromGroup } from './model';
import { AccountLink, GroupLink } from './NameLinks';
import { PlanPreviewDialog } from '../../components/PlanPreviewDialog';
import { namesFrom } from '../../../../shared/plans/describe';
import type { Planned } from '../../domain/groupPlans';
import { RuleText } from '../../components/RuleText';

const Source = ({ src }: { src: EffectiveAccess['roles'][number]['sources'][number] }) =>
  src.kind === 'direct' ? <>direct</> : <>group “<GroupLink groupId={src.groupId} name={src.groupName} />”</>;

const Sources = ({ sources }: { sources: EffectiveAccess['roles'][number]['sources'] }) => (
  <>
    {sources.map((src, i) => (
      <Fragment key={i}>
        {i > 0 && ' and '}
        <Source src={src} />
      </Fragment>
    ))}
  </>
);

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box sx={{ mt: 2 }}>
    <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

/** The full explanation of one user on one account, in plain sentences (R6–R13, R16, R25). */
export const ExplanationPanel = ({ state, userId, accountId, onQueued }: { state: AccessState; userId: string; accountId: string; onQueued: (m: string) => void }) => {
  // The heading and the line under it name the person and the account once; the reasons say
  // "the user" and "this account" instead of repeating the e-mail and the id in every sentence.
  const e = explain(state, userId, accountId, 'brief');
  const account = state.accounts.get(accountId)?.name ?? accountId;
  const person = userName(state, userId);
  const groups = groupsOf(e);
  const [removing, setRemoving] = useState<{ title: string; planned: Planned } | null>(null);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="explanation-title" data-testid="explanation" sx={{ p: 2 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id="explanation-title" variant="h6" component="h3">
          {person} on {account}
        </Typography>
        <Chip size="small" color={e.canLogIn ? 'success' : 'default'} label={e.canLogIn ? 'Can log in' : 'Cannot log in'} />
        <Chip size="small" variant="outlined" label={<RuleText text={`Way in: ${VIA_LABEL[e.via]}`} />} />
      </Stack>
      <Typography variant="body2" color="text.secondary" data-testid="explained-pair" sx={{ mt: 0.5 }}>
        {person === userId ? userId : `${person} · ${userId}`} on <AccountLink accountId={accountId} name={account} /> ({accountId})
      </Typography>
      <Section title="Why">
        <Box component="ul" sx={{ m: 0, pl: 3 }} aria-label="Explanation" data-testid="reasons">
          {e.reasons.map((r, i) => (
            <li key={i}>
              <Typography variant="body2">{r}</Typography>
            </li>
          ))}
        </Box>
      </Section>
      <Section title={`Effective roles (${e.roles.length})`}>
        {e.roles.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            None.
          </Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="effective-roles">
            {e.roles.map((r) => (
              <li key={r.roleId}>
                <Typography variant="body2">
                  <strong>{r.name}</strong> — from <Sources sources={r.sources} />
                </Typography>
              </li>
            ))}
          </Box>
        )}
      </Section>
      {e.ignored.length > 0 && (
        <Section title="Ignored roles">
          <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="ignored-roles">
            {e.ignored.map((r, i) => (
              <li key={i}>
                <Typography variant="body2">
                  <strong>{r.name}</strong> from <Source src={r.sources[0]!} />: {r.reason}
                </Typography>
              </li>
            ))}
          </Box>
        </Section>
      )}
      {groups.length > 0 && (
        <Section title={`Groups (${groups.length})`}>
          <Box component="ul" sx={{ m: 0, pl: 3 }} aria-label="Groups giving roles">
            {groups.map((g) => (
              <li key={g.groupId}>
                <Typography variant="body2" component="span">
                  <GroupLink groupId={g.groupId} name={g.groupName} />
                </Typography>
                <Button size="small" sx={{ ml: 1 }} aria-label={`Remove from group ${g.groupName}`} aria-haspopup="dialog"
                  onClick={() => setRemoving({ title: `Remove ${person} from ${g.groupName}`, planned: planRemoveFromGroup(state, userId, g.groupId) })}>
                  Remove from group
                </Button>
              </li>
            ))}
          </Box>
        </Section>
      )}
      {removing && !removing.planned.ok && <Typography role="alert" color="error">{removing.planned.reason}</Typography>}
      {removing?.planned.ok && (
        <PlanPreviewDialog
          title={removing.title}
          ops={removing.planned.ops}
          names={namesFrom(state)}
          onClose={() => setRemoving(null)}
          onQueued={(m) => {
            setRemoving(null);
            onQueued(m);
          }}
        />
      )}
      {e.cappedBy && (
        <Alert severity={e.cappedBy.removed.length ? 'warning' : 'info'} sx={{ mt: 2 }} data-testid="cap">
          <RuleText
            rules={['R10']}
            text={`Support Access Role “${e.cappedBy.name}” caps this user’s group access${e.cappedBy.removed.length ? `; removed privileges: ${e.cappedBy.removed.join(', ')}.` : '; it removes nothing here.'}`}
          />
        </Alert>
      )}
      <Section title={`Privileges (${e.privileges.length})`}>
        <Typography variant="body2" color="text.secondary" data-testid="privileges">
          {e.privileges.length ? e.privileges.join(', ') : 'None.'}
        </Typography>
      </Section>
    </Paper>
  );
};
