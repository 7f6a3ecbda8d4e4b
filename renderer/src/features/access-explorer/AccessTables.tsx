import { Fragment, useDeferredValue, useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccessState } from '../../../../shared/access';
import { reach, redundantDirectRoles, who } from '../../../../shared/access';
import { userName } from '../../../../shared/access/reach';
import { VirtualTable } from '../../components/VirtualTable';
import { VIA_LABEL, filterReach, prepareReachSearch } from './model';
import { AccountLink, GroupLink } from './NameLinks';
import { PlanPreviewDialog } from '../../components/PlanPreviewDialog';
import { namesFrom } from '../../../../shared/plans/describe';
import { planRemoveDirectRoles, type PlannedOps } from '../../domain/accountAccess';
import { RuleText } from '../../components/RuleText';
import { Person } from '../../components/Person';

const Titled = ({ id, title, action, children }: { id: string; title: string; action?: React.ReactNode; children: React.ReactNode }) => (
  <Box component="section" aria-labelledby={id} sx={{ flex: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
    <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, flexWrap: 'wrap', mb: 0.5 }}>
      <Typography id={id} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      {action}
    </Box>
    {children}
  </Box>
);

/** Every account a user reaches, with the way in and roles; a click opens the explanation. */
export const ReachTable = ({ state, userId, onPick }: { state: AccessState; userId: string; onPick: (accountId: string) => void }) => {
  const all = useMemo(() => reach(state, userId).sort((a, b) => a.name.localeCompare(b.name)), [state, userId]);
  const [query, setQuery] = useState('');
  // The list may hold every account (98,000 rows): typing stays smooth while the filter catches up.
  const deferred = useDeferredValue(query);
  const rows = useMemo(() => filterReach(all, deferred), [all, deferred]);
  const count = rows.length === all.length ? all.length.toLocaleString() : `${rows.length.toLocaleString()} of ${all.length.toLocaleString()}`;
  return (
    <Titled
      id="reach-title"
      title={`Accounts ${userName(state, userId)} reaches (${count})`}
      action={<TextField size="small" type="search" label="Search these accounts" value={query} onChange={(e) => setQuery(e.target.value)} onFocus={() => prepareReachSearch(all)} sx={{ minWidth: 260 }} />}
    >
      <VirtualTable
        label={`Accounts ${userId} reaches`}
        idPrefix="reach"
        rows={rows}
        rowKey={(r) => r.accountId}
        onSelect={(key) => onPick(key)}
        empty={query.trim() ? `No account matches “${query.trim()}”.` : 'This user reaches no account.'}
        columns={[
          { id: 'name', header: 'Account', width: '2fr', render: (r) => <AccountLink accountId={r.accountId} name={r.name} /> },
          { id: 'via', header: 'Way in', width: '1.4fr', render: (r) => <RuleText text={VIA_LABEL[r.via]} /> },
          { id: 'roles', header: 'Roles', width: '2fr', render: (r) => r.roles.join(', ') || '—' },
        ]}
      />
    </Titled>
  );
};

/** Everyone who reaches an account; a click opens the explanation. */
export const WhoTable = ({ state, accountId, onPick }: { state: AccessState; accountId: string; onPick: (userId: string) => void }) => {
  const rows = useMemo(() => who(state, accountId), [state, accountId]);
  const name = state.accounts.get(accountId)?.name ?? accountId;
  return (
    <Titled id="who-title" title={`Who reaches ${name} (${rows.length.toLocaleString()})`} action={<AccountLink accountId={accountId} name={name} />}>
      <VirtualTable
        label={`Users who reach ${name}`}
        idPrefix="who"
        rows={rows}
        rowKey={(r) => r.userId}
        onSelect={(key) => onPick(key)}
        empty="Nobody reaches this account."
        columns={[
          { id: 'user', header: 'User', width: '3fr', render: (r) => <Person name={r.name} userId={r.userId} /> },
          { id: 'via', header: 'Way in', width: '1.4fr', render: (r) => <RuleText text={VIA_LABEL[r.via]} /> },
          { id: 'roles', header: 'Roles', width: '2fr', render: (r) => r.roles.join(', ') || '—' },
        ]}
      />
    </Titled>
  );
};

/**
 * Direct roles the user's groups already give on the same account. They are not harmless: while
 * any direct role stays, R9 makes every group change on that account invisible to the user.
 */
export const RedundantReport = ({ state, onPick, onQueued }: { state: AccessState; onPick: (userId: string, accountId: string) => void; onQueued: (m: string) => void }) => {
  const rows = useMemo(() => redundantDirectRoles(state), [state]);
  const [fix, setFix] = useState<{ title: string; planned: PlannedOps } | null>(null);
  return (
    <Titled id="redundant-title" title={`Redundant direct access (${rows.length.toLocaleString()})`}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 900 }}>
        <RuleText
          rules={['R9']}
          text="Direct roles that the user’s account groups already give on the same account. While a user has any direct role on an account, their group roles there are ignored, so these direct roles mask every later group change. Select a row to see the full explanation."
        />
      </Typography>
      <VirtualTable
        label="Redundant direct roles"
        idPrefix="redundant"
        rows={rows}
        rowKey={(r) => `${r.userId}\u001f${r.accountId}\u001f${r.roleId}`}
        onSelect={(key) => {
          const [u, a] = key.split('\u001f') as [string, string];
          onPick(u, a);
        }}
        empty="No direct role is already covered by a group."
        columns={[
          { id: 'user', header: 'User', width: '2fr', render: (r) => <Person name={userName(state, r.userId)} userId={r.userId} /> },
          { id: 'account', header: 'Account', width: '1.6fr', render: (r) => <AccountLink accountId={r.accountId} name={state.accounts.get(r.accountId)?.name ?? r.accountId} /> },
          { id: 'role', header: 'Direct role', width: '1.2fr', render: (r) => r.role },
          {
            id: 'groups', header: 'Also given by', width: '2fr',
            render: (r) => r.coveredBy.map((g, i) => (
              <Fragment key={g.groupId}>
                {i > 0 && ', '}
                <GroupLink groupId={g.groupId} name={g.name} />
              </Fragment>
            )),
          },
          {
            id: 'fix', header: 'Fix', width: '180px',
            render: (r) => (
              <Button size="small" aria-label={`Remove direct roles of ${r.userId} on ${state.accounts.get(r.accountId)?.name ?? r.accountId}`}
                onClick={(e) => {
                  // The row's own click opens the explanation; the button only proposes the fix.
                  e.stopPropagation();
                  setFix({ title: `Remove direct roles of ${userName(state, r.userId)} on ${state.accounts.get(r.accountId)?.name ?? r.accountId}`, planned: planRemoveDirectRoles(state, r.accountId, r.userId) });
                }}>
                Remove direct roles
              </Button>
            ),
          },
        ]}
      />
      {fix && !fix.planned.ok && <Typography role="alert" color="error">{fix.planned.reason}</Typography>}
      {fix?.planned.ok && (
        <PlanPreviewDialog
          title={fix.title}
          ops={fix.planned.ops}
          names={namesFrom(state)}
          warning={fix.planned.warning}
          onClose={() => setFix(null)}
          onQueued={onQueued}
        />
      )}
    </Titled>
  );
};
