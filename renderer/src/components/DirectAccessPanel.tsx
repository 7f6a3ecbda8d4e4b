import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import type { AccessState } from '../../../shared/access';
import { directHolders, directRoleChoices, planAddDirectRoles, planRemoveDirectRoles, userOptions, type PlannedOps } from '../domain/accountAccess';
import { EntityPicker } from './EntityPicker';
import { PlanPreviewDialog } from './PlanPreviewDialog';
import { namesFrom } from '../../../shared/plans/describe';
import { RuleText } from './RuleText';
import { Person } from './Person';

interface Proposal {
  title: string;
  planned: Extract<PlannedOps, { ok: true }>;
}

/**
 * R6, R9: the direct roles users hold on one account, with add and remove as plans (preview →
 * Apply → outbox). The role list offers only what may be assigned here (R15, R16, R19).
 */
export const DirectAccessPanel = ({ s, accountId, onQueued }: { s: AccessState; accountId: string; onQueued: (m: string) => void }) => {
  const name = s.accounts.get(accountId)?.name ?? accountId;
  const holders = useMemo(() => directHolders(s, accountId), [s, accountId]);
  const choices = useMemo(() => directRoleChoices(s, accountId), [s, accountId]);
  const users = useMemo(() => userOptions(s), [s]);
  const [userId, setUserId] = useState<string | null>(null);
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const propose = (title: string, planned: PlannedOps) => {
    if (planned.ok) {
      setRefusal(null);
      setProposal({ title, planned });
    } else setRefusal(planned.reason);
  };
  return (
    <Paper variant="outlined" component="section" aria-labelledby="direct-title" sx={{ p: 2 }}>
      <Typography id="direct-title" variant="h6" component="h4">
        {/* The page heading already names the account: a second heading with its name would compete. */}
        Direct access ({holders.length})
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        <RuleText text="Roles given to a user on this account itself." rules={['R6']} />{' '}
        <RuleText text="While a user has any direct role here, their group roles here are ignored and the Support Access Role does not cap them." rules={['R9', 'R10']} />
      </Typography>
      {holders.length > 0 && (
        <Table size="small" aria-label={`Direct roles on ${name}`}>
          <TableHead>
            <TableRow><TableCell>User</TableCell><TableCell>Direct roles</TableCell><TableCell align="right">Change</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {holders.map((h) => (
              <TableRow key={h.userId}>
                <TableCell>
                  <Person name={h.name} userId={h.userId} />
                  {h.groupRolesIgnored && <Typography variant="caption" component="div" color="text.secondary"><RuleText text="group roles ignored here" rules={['R9']} /></Typography>}
                </TableCell>
                <TableCell>
                  {h.roles.map((r) => (
                    <Stack key={r.roleId} direction="row" spacing={0.5} component="span" sx={{ display: 'inline-flex', alignItems: 'center', mr: 1 }}>
                      <span>{r.name}</span>
                      <IconButton size="small" aria-label={`Take ${r.name} from ${h.name}`}
                        onClick={() => propose(`Take ${r.name} on ${name} from ${h.name}`, planRemoveDirectRoles(s, accountId, h.userId, [r.roleId]))}>
                        <CloseIcon fontSize="inherit" />
                      </IconButton>
                    </Stack>
                  ))}
                </TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => propose(`Remove direct roles of ${h.name} on ${name}`, planRemoveDirectRoles(s, accountId, h.userId))}>
                    Remove direct roles
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1.5 }} role="group" aria-label="Give direct roles">
        <EntityPicker id={`direct-user-${accountId}`} label="User" options={users} value={userId} onChange={setUserId} />
        <TextField
          select size="small" label="Direct roles" value={roleIds} sx={{ minWidth: 240 }}
          slotProps={{ select: { multiple: true, renderValue: (v) => (v as string[]).map((r) => choices.find((c) => c.roleId === r)?.name ?? r).join(', ') } }}
          onChange={(e) => setRoleIds(typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as unknown as string[]))}
        >
          {choices.map((c) => <MenuItem key={c.roleId} value={c.roleId}>{c.name}</MenuItem>)}
        </TextField>
        <Button variant="outlined" disabled={!userId || roleIds.length === 0}
          onClick={() => userId && propose(`Give direct roles on ${name}`, planAddDirectRoles(s, accountId, [userId], roleIds))}>
          Add direct roles
        </Button>
      </Stack>
      {refusal && <Alert severity="info" sx={{ mt: 1 }} onClose={() => setRefusal(null)}>{refusal}</Alert>}
      {proposal && (
        <PlanPreviewDialog
          title={proposal.title}
          ops={proposal.planned.ops}
          names={namesFrom(s)}
          warning={proposal.planned.warning}
          onClose={() => setProposal(null)}
          onQueued={(m) => {
            setRoleIds([]);
            onQueued(m);
          }}
        />
      )}
    </Paper>
  );
};
