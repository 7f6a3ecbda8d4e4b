import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { neverSignedInWarning, type UserGroup } from '../../../shared/plans';
import { fmt, plural } from '../app/format';
import type { WhatIfSummary } from '../domain/accessPreview';
import { SortedTable, type Column } from './VirtualTable';
import { PREVIEW_ROW, Sized } from './DiffTables';

/**
 * What the platform does beyond the access diff, said in every preview (its documented
 * behaviours): the users it will refuse a group's roles because they never signed in, the
 * notification e-mails a plan's adds would send, with the admin's choice (none unless ticked),
 * and the users a removal takes off an account with their last direct role (those two only where
 * the platform behaves as the vendor's API).
 */
export const notifySentence = (emails: number, users: number, notify: boolean): string =>
  notify
    ? `The platform will send ${plural(emails, 'notification e-mail')} to ${plural(users, 'user')} added.`
    : `No notification e-mails will be sent (the platform would send ${fmt(emails)} to ${plural(users, 'user')} added unless told not to).`;

/** The admin's notification choice for one preview: no e-mails unless ticked (the bulk default). */
export interface NotifyChoiceState {
  notify: boolean;
  setNotify: (v: boolean) => void;
}
export const useNotifyChoice = (): NotifyChoiceState => {
  const [notify, setNotify] = useState(false);
  return { notify, setNotify };
};

/**
 * Said only where the platform e-mails the users added (`vendor`, shared/sync/capabilities.ts
 * behavesAsVendor): the reference platform's default profile sends no e-mail whatever notifyUser
 * says, so there the preview neither counts e-mails nor offers to send them.
 */
export const NotifyChoice = ({ diff, choice, vendor }: { diff: WhatIfSummary | null; choice: NotifyChoiceState; vendor: boolean }) => {
  const n = diff?.notifications;
  if (!vendor || !n || n.emails === 0 || diff.refused.length > 0) return null;
  return (
    <Alert severity="info" sx={{ mb: 1 }} role="region" aria-label="Notification e-mails" data-testid="notify-choice">
      <Typography variant="body2" data-testid="notify-sentence">
        {notifySentence(n.emails, n.users, choice.notify)}
      </Typography>
      <FormControlLabel
        control={<Checkbox checked={choice.notify} onChange={(e) => choice.setNotify(e.target.checked)} />}
        label={`E-mail the users added (${plural(n.emails, 'notification e-mail')})`}
      />
    </Alert>
  );
};

const LEAVING_COLUMNS: Column<UserGroup>[] = [
  { id: 'user', header: 'User removed from accounts', width: 'minmax(220px, 1fr)', render: (u) => u.userId, sortKey: (u) => u.userId },
  { id: 'accounts', header: 'Accounts', width: '110px', render: (u) => fmt(u.accounts), sortKey: (u) => u.accounts },
];

/**
 * Per user, as lock-outs are: whose last direct role goes, and so who leaves which accounts. Said
 * only where the platform does that (`vendor`): the reference platform's default profile keeps the
 * user on the account, and the access diff already shows the roles lost.
 */
export const LeavesAccount = ({ diff, vendor }: { diff: WhatIfSummary | null; vendor: boolean }) => {
  if (!vendor || !diff || diff.leavesAccount === 0 || diff.refused.length > 0) return null;
  const users = diff.digest.leavesAccount;
  return (
    <Alert severity="warning" sx={{ mb: 1, '& .MuiAlert-message': { flex: 1, minWidth: 0 } }} role="region" aria-label="Users removed from accounts" data-testid="leaves-account">
      <AlertTitle>
        {plural(users.length, 'user')} removed from {plural(diff.leavesAccount, 'account')}: their last direct role there goes, and the platform
        then removes the user from the account
      </AlertTitle>
      <Sized rows={users.length} max={5} sx={{ bgcolor: 'background.paper' }} testId="leaving-users">
        <SortedTable label="Users removed from accounts" idPrefix="leaving-users" rows={users} rowKey={(u) => u.userId} columns={LEAVING_COLUMNS} rowHeight={PREVIEW_ROW} />
      </Sized>
    </Alert>
  );
};

/**
 * Before anything is sent: the users the cache knows have never signed in, whom the platform will
 * refuse a group's roles, each by name and e-mail with what will happen.
 */
export const NeverSignedIn = ({ diff }: { diff: WhatIfSummary | null }) => {
  const users = diff?.neverSignedIn ?? [];
  if (!users.length || diff!.refused.length > 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 1 }} role="region" aria-label="Users who have never signed in" data-testid="never-signed-in">
      <AlertTitle>{plural(users.length, 'user')} never signed in: the platform will not add them to a group</AlertTitle>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {users.map((u) => (
          <li key={u.userId}>
            <Typography variant="body2">{neverSignedInWarning(u)}</Typography>
          </li>
        ))}
      </ul>
    </Alert>
  );
};

/** All three, in the order a preview shows them (under the lock-out gate); `vendor`: the platform does what the vendor's API documents. */
export const PlanNotices = ({ diff, choice, vendor }: { diff: WhatIfSummary | null; choice: NotifyChoiceState; vendor: boolean }) => (
  <>
    <NeverSignedIn diff={diff} />
    <LeavesAccount diff={diff} vendor={vendor} />
    <NotifyChoice diff={diff} choice={choice} vendor={vendor} />
  </>
);
