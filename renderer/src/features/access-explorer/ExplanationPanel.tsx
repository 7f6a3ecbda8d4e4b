import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AccessState, EffectiveAccess } from '../../../../shared/access';
import { explain } from '../../../../shared/access';
import { userName } from '../../../../shared/access/reach';
import { VIA_LABEL } from './model';

const sourceText = (src: EffectiveAccess['roles'][number]['sources'][number]) =>
  src.kind === 'direct' ? 'direct' : `group “${src.groupName}”`;

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box sx={{ mt: 2 }}>
    <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

/** The full explanation of one user on one account, in plain sentences (R6–R13, R16, R25). */
export const ExplanationPanel = ({ state, userId, accountId }: { state: AccessState; userId: string; accountId: string }) => {
  const e = explain(state, userId, accountId);
  const account = state.accounts.get(accountId)?.name ?? accountId;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="explanation-title" data-testid="explanation" sx={{ p: 2 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id="explanation-title" variant="h6" component="h3">
          {userName(state, userId)} on {account}
        </Typography>
        <Chip size="small" color={e.canLogIn ? 'success' : 'default'} label={e.canLogIn ? 'Can log in' : 'Cannot log in'} />
        <Chip size="small" variant="outlined" label={`Way in: ${VIA_LABEL[e.via]}`} />
      </Stack>
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
                  <strong>{r.name}</strong> — from {r.sources.map(sourceText).join(' and ')}
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
                  <strong>{r.name}</strong> from {sourceText(r.sources[0]!)}: {r.reason}
                </Typography>
              </li>
            ))}
          </Box>
        </Section>
      )}
      {e.cappedBy && (
        <Alert severity={e.cappedBy.removed.length ? 'warning' : 'info'} sx={{ mt: 2 }} data-testid="cap">
          Support Access Role “{e.cappedBy.name}” caps this user’s group access (R10)
          {e.cappedBy.removed.length ? `; removed privileges: ${e.cappedBy.removed.join(', ')}.` : '; it removes nothing here.'}
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
