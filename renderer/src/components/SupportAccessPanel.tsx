import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccessState } from '../../../shared/access';
import { planSupportAccessRole, supportAccessChoices, supportAccessSentence } from '../domain/accountAccess';
import { PlanPreviewDialog } from './PlanPreviewDialog';
import { namesFrom } from '../../../shared/plans/describe';
import { supportAccessOf } from '../../../shared/access/supportAccess';
import { recordSupportAccessRole } from '../cache';
import { db } from '../app/db';
import { RuleText } from './RuleText';

const NONE = '__none__';

/** R10: set an account's Support Access Role, with the effect previewed before it is queued. */
export const SupportAccessPanel = ({ state, accountId, onQueued, title }: { state: AccessState; accountId: string; onQueued: (m: string) => void; title?: string }) => {
  const known = supportAccessOf(state.accounts.get(accountId));
  // The platform cannot tell or set it (the vendor's Account): the admin records it in Roster instead.
  const local = known.source !== 'platform';
  const current = known.source === 'unknown' ? NONE : (known.roleId ?? NONE);
  const [choice, setChoice] = useState<string>(current);
  const [open, setOpen] = useState(false);
  const choices = useMemo(() => supportAccessChoices(state, accountId), [state, accountId]);
  const planned = useMemo(() => planSupportAccessRole(state, accountId, choice === NONE ? null : choice), [state, accountId, choice]);
  const name = state.accounts.get(accountId)?.name ?? accountId;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="sar-title" sx={{ p: 2 }}>
      <Typography id="sar-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {title ?? `Support Access Role of ${name}`}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }} data-testid="sar-current">
        {supportAccessSentence(state, accountId)}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <TextField select size="small" label="Support Access Role" value={choice} onChange={(e) => setChoice(e.target.value)} sx={{ minWidth: 260 }}>
          <MenuItem value={NONE}>None (no cap)</MenuItem>
          {choices.map((c) => (
            <MenuItem key={c.roleId} value={c.roleId}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        {local ? (
          <Button
            variant="outlined"
            disabled={known.source === 'recorded' && choice === current}
            onClick={() => void recordSupportAccessRole(db, accountId, choice === NONE ? null : choice).then(() => onQueued(`Recorded in Roster: the Support Access Role of ${name}.`))}
          >
            Record in Roster
          </Button>
        ) : (
          <Button variant="outlined" disabled={!planned.ok} onClick={() => setOpen(true)}>
            Preview change
          </Button>
        )}
      </Stack>
      {local && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} data-testid="sar-local">
          Recorded in Roster only: the platform’s API cannot tell or set it, so Roster never sends it; explanations use what you record.
        </Typography>
      )}
      {!local && !planned.ok && choice !== current && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {planned.reason}
        </Alert>
      )}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        <RuleText text="Only built-in roles and this account’s own roles can be chosen: shared roles never appear in this list." rules={['R16']} />
      </Typography>
      {open && planned.ok && (
        <PlanPreviewDialog
          title={`Support Access Role of ${name}`}
          ops={planned.ops}
          names={namesFrom(state)}
          onClose={() => setOpen(false)}
          onQueued={onQueued}
        />
      )}
    </Paper>
  );
};
