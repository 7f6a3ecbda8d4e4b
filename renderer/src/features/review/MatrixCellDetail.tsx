import { useMemo } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { roleLabel, usersInGroup, type AccessState } from '../../../../shared/access';
import { isMember, roleIdsInGroup, userLabel, type MatrixKind, type ReviewRecord, type ReviewTarget } from '../../../../shared/review';
import { plural } from '../../app/format';
import { useRoute } from '../../app/routeStore';
import { DecisionButtons } from './DecisionButtons';
import { DecisionNote } from './DecisionNote';
import { LastChanged } from './LastChanged';
import { RemovalContext } from './RemovalContext';
import { useReviews } from './useReview';
import { RuleText } from '../../components/RuleText';

const SHOWN_USERS = 8;

/** One decision row: what it is, when it last changed, what removing it would do, Keep / Remove and a note. */
const ReviewedRow = ({ s, open, target, label, context }: { s: AccessState; open: ReviewRecord | undefined; target: ReviewTarget; label: string; context: string }) => (
  <Stack spacing={0.75} sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      <Typography variant="body2" sx={{ flex: 1, minWidth: 240 }}><strong>{label}</strong> — <RuleText text={context} /></Typography>
      <DecisionButtons target={target} label={label} />
    </Stack>
    <LastChanged subject={target} />
    <RemovalContext s={s} target={target} />
    <DecisionNote open={open} target={target} label={label} />
  </Stack>
);

/** The chosen matrix cell: its context (the way in, who it concerns, the removal's effect) and its decisions. */
export const MatrixCellDetail = ({ s, kind, rowId, groupId, onClose }: { s: AccessState; kind: MatrixKind; rowId: string; groupId: string; onClose: () => void }) => {
  const go = useRoute((r) => r.go);
  const open = useReviews()?.find((r) => !r.signedOff);
  // The whole group's users, listed once per state and group (not on every render of the matrix).
  const users = useMemo(() => (kind === 'membership' ? usersInGroup(s, groupId) : []), [s, kind, groupId]);
  const group = s.groups.get(groupId);
  const groupName = group?.name ?? groupId;
  const owner = group?.accountId ?? '';
  let body: React.ReactNode;
  let title: string;
  if (kind === 'membership') {
    const accountName = s.accounts.get(rowId)?.name ?? rowId;
    title = `${accountName} in ${groupName}`;
    const context = `through it ${plural(users.length, 'user')} of ${groupName} get their group roles on ${accountName} (R7)${users.length ? `: ${users.slice(0, SHOWN_USERS).map((u) => `${u.userId} (${u.roles.join(', ')})`).join('; ')}${users.length > SHOWN_USERS ? '; …' : ''}` : ''}`;
    body = !isMember(s, groupId, rowId)
      ? <Typography variant="body2">{accountName} is not in {groupName}.</Typography>
      : group?.defaultGroup
        ? <><Typography variant="body2"><RuleText text={context} /></Typography><Chip size="small" label={<RuleText text="All Accounts: cannot leave (R3)" />} sx={{ alignSelf: 'flex-start' }} /></>
        : <ReviewedRow s={s} open={open} target={{ type: 'groupAccount', groupId, accountId: rowId }} label={title} context={context} />;
  } else {
    title = `${userLabel(s, rowId)} in ${groupName}`;
    const roles = roleIdsInGroup(s, rowId, groupId);
    const accounts = s.groupAccounts.get(groupId)?.size ?? 0;
    body = roles.length === 0
      ? <Typography variant="body2">{rowId} has no role in {groupName}.</Typography>
      : roles.map((r) => (
        <ReviewedRow key={r} s={s} open={open} target={{ type: 'groupUserRole', groupId, userId: rowId, roleId: r }} label={`${rowId} ${roleLabel(s, r, owner)} in ${groupName}`}
          context={`on the ${plural(accounts, 'account')} of ${groupName}, unless a direct role wins there (R9) or a Support Access Role caps it (R10)`} />
      ));
  }
  return (
    <Paper variant="outlined" component="section" aria-label="Matrix cell" sx={{ p: 1.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flex: 1 }}>{title}</Typography>
        {kind === 'membership' && <Button size="small" onClick={() => go({ area: 'review', item: `account:${rowId}` })}>Open account</Button>}
        <Button size="small" onClick={onClose}>Close</Button>
      </Stack>
      <Stack spacing={0.5}>{body}</Stack>
    </Paper>
  );
};
