import { useMemo } from 'react';
import Typography from '@mui/material/Typography';
import { removalEffect, targetKey, type ReviewTarget } from '../../../../shared/review';
import type { AccessState } from '../../../../shared/access';
import { plural } from '../../app/format';
import { namesFrom } from '../../../../shared/plans/describe';
import { personText } from '../../components/Person';

/** What removing a reviewed row would do, from the preview's what-if: lock-outs (R13) named first. */
export const RemovalContext = ({ s, target }: { s: AccessState; target: ReviewTarget }) => {
  const key = targetKey(target);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the target's key is its identity
  const e = useMemo(() => removalEffect(s, target), [s, key]);
  const { account: acc, user } = namesFrom(s);
  let text: string;
  if (e.refused.length) text = `Cannot be removed: ${e.refused[0]}`;
  else if (e.lockedOut) {
    const named = e.lockedOutPairs.map((p) => `${personText(user(p.userId), p.userId)} on ${acc(p.accountId)}`).join('; ');
    text = `Removing it locks out ${plural(e.lockedOut, 'user × account pair')}: ${named}${e.lockedOut > e.lockedOutPairs.length ? '; …' : ''}`;
  } else if (e.losses) text = `Removing it: ${plural(e.losses, 'user × account pair')} lose a role; no lock-out`;
  else text = 'Removing it changes no one\'s access';
  return <Typography variant="body2" color={e.lockedOut || e.refused.length ? 'error' : 'text.secondary'} data-testid="removal-effect">{text}</Typography>;
};
