import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { accountResources, roleLabel, type AccessState } from '../../../../shared/access';
import { accountSection, type ReviewTarget } from '../../../../shared/review';
import { useRoute } from '../../app/routeStore';
import { DirectAccessPanel } from '../../components/DirectAccessPanel';
import { Person } from '../../components/Person';
import { SupportAccessPanel } from '../../components/SupportAccessPanel';
import { DecisionButtons } from './DecisionButtons';
import { LastChanged } from './LastChanged';
import { RuleText } from '../../components/RuleText';

/** The route that opens an account here, for other screens and Ctrl+K. */
export const accountRoute = (accountId: string) => ({ area: 'review' as const, item: `account:${accountId}` });

const MAX_OPTIONS = 200;

/**
 * One account (issue: Account view): its groups, every user who reaches it with roles and the
 * way in (direct, group, SSO, partner; R9 ignored group roles and the R10 cap said in words),
 * the resources it receives through its groups (R24) and its Support Access Role.
 */
export const AccountView = ({ s, accountId }: { s: AccessState; accountId: string | null }) => {
  const go = useRoute((r) => r.go);
  const ids = useMemo(() => s.accounts.keys(), [s]);
  const section = useMemo(() => (accountId && s.accounts.has(accountId) ? accountSection(s, accountId) : null), [s, accountId]);
  const resources = useMemo(() => (accountId ? accountResources(s, accountId) : []), [s, accountId]);
  const groupIds = accountId ? [...(s.accountGroups.get(accountId) ?? [])] : [];
  const [queued, setQueued] = useState<string | null>(null);
  return (
    <Stack spacing={2} sx={{ minHeight: 0 }}>
      <Autocomplete
        size="small"
        sx={{ maxWidth: 420 }}
        options={ids}
        filterOptions={(opts, { inputValue }) => {
          const q = inputValue.toLowerCase();
          return opts.filter((a) => a.toLowerCase().includes(q) || (s.accounts.get(a)?.name ?? '').toLowerCase().includes(q)).slice(0, MAX_OPTIONS);
        }}
        getOptionLabel={(a) => s.accounts.get(a)?.name ?? a}
        value={section ? accountId : null}
        onChange={(_e, a) => a && go({ area: 'review', item: `account:${a}` })}
        renderInput={(p) => <TextField {...p} label="Open account" />}
      />
      {!section && <Typography color="text.secondary">{accountId ? `No account ${accountId} in the cache.` : 'Choose an account to review.'}</Typography>}
      {section && (
        <>
          <Typography variant="h5" component="h3">{section.name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {section.id} · Support Access Role: {section.supportAccessRole ?? 'none (group users are not capped, R10)'}
          </Typography>
          <Box component="section" aria-label="Groups">
            <Typography variant="h6" component="h4">Groups ({groupIds.length})</Typography>
            <Table size="small" aria-label="Groups of the account">
              <TableBody>
                {groupIds.map((g) => {
                  const target: ReviewTarget = { type: 'groupAccount', groupId: g, accountId: section.id };
                  return (
                    <TableRow key={g}>
                      <TableCell>{s.groups.get(g)?.name ?? g}</TableCell>
                      <TableCell><LastChanged subject={target} /></TableCell>
                      <TableCell align="right">{s.groups.get(g)?.defaultGroup ? <Chip size="small" label={<RuleText text="All Accounts: cannot leave (R3)" />} /> : <DecisionButtons target={target} label={`${section.name} in ${s.groups.get(g)?.name ?? g}`} />}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
          <Box component="section" aria-label="Who reaches it">
            <Typography variant="h6" component="h4">Who reaches it ({section.users.length})</Typography>
            <Table size="small" aria-label="Users who reach the account">
              <TableHead>
                <TableRow><TableCell>User</TableCell><TableCell>Way in</TableCell><TableCell>Roles</TableCell><TableCell>Through</TableCell><TableCell align="right">Review</TableCell></TableRow>
              </TableHead>
              <TableBody>
                {section.users.map((u) => {
                  const direct = u.via === 'direct' ? [...(s.aurRoles.get(`${section.id}\n${u.userId}`) ?? [])] : [];
                  const capped = section.supportAccessRole && (u.via === 'group' || u.via === 'sso');
                  return (
                    <TableRow key={u.userId}>
                      <TableCell><Person name={u.name} userId={u.userId} /></TableCell>
                      <TableCell><RuleText text={`${u.via === 'sso' ? 'SSO' : u.via}${capped ? ' · capped (R10)' : ''}${u.via === 'direct' && (s.userGroupRoles.get(u.userId)?.size ?? 0) > 0 ? ' · group roles ignored (R9)' : ''}`} /></TableCell>
                      <TableCell>{u.roles.join(', ') || '—'}</TableCell>
                      <TableCell>{u.groups.join(', ')}</TableCell>
                      <TableCell align="right">
                        {direct.map((r) => {
                          const target: ReviewTarget = { type: 'directRole', accountId: section.id, userId: u.userId, roleId: r };
                          return (
                            <Stack key={r} sx={{ alignItems: 'flex-end' }}>
                              <DecisionButtons target={target} label={`${u.userId} direct ${roleLabel(s, r, section.id)}`} />
                              <LastChanged subject={target} />
                            </Stack>
                          );
                        })}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
          {/* The account's own settings, changed here as plans (R6, R9, R10). */}
          {queued && <Alert severity="success" role="status" onClose={() => setQueued(null)}>{queued}</Alert>}
          <DirectAccessPanel key={`direct-${section.id}`} s={s} accountId={section.id} onQueued={setQueued} />
          <SupportAccessPanel key={`sar-${section.id}`} state={s} accountId={section.id} onQueued={setQueued} title="Support Access Role" />
          <Box component="section" aria-label="Resources">
            <Typography variant="h6" component="h4">Resources through its groups ({resources.length})</Typography>
            {resources.map((r) => (
              <Typography key={`${r.objectType}:${r.resourceId}`} variant="body2">
                {r.objectType} · {r.name} — from {r.groups.map((g) => g.name).join(', ')}
              </Typography>
            ))}
          </Box>
        </>
      )}
    </Stack>
  );
};
