import { useState } from 'react';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import { decisionOf, type ReviewTarget } from '../../../../shared/review';
import { db } from '../../app/db';
import { openReview, setDecision } from './store';
import { useReviews } from './useReview';

/** Keep / Remove on one reviewed row; saved at once in the open review; locked once signed off. */
export const DecisionButtons = ({ target, label }: { target: ReviewTarget; label: string }) => {
  const reviews = useReviews();
  const open = reviews?.find((r) => !r.signedOff);
  const verdict = open ? (decisionOf(open, target)?.verdict ?? null) : null;
  const [error, setError] = useState<string | null>(null);
  const change = async (v: 'keep' | 'remove' | null) => {
    try {
      const r = open ?? (await openReview(db, ''));
      await setDecision(db, r.id, target, v);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Tooltip title={error ?? ''} open={!!error} describeChild>
      <ToggleButtonGroup size="small" exclusive value={verdict} onChange={(_e, v: 'keep' | 'remove' | null) => void change(v)} aria-label={`Decision: ${label}`}>
        <ToggleButton value="keep" aria-label={`Keep ${label}`}>Keep</ToggleButton>
        <ToggleButton value="remove" aria-label={`Remove ${label}`} color="error">Remove</ToggleButton>
      </ToggleButtonGroup>
    </Tooltip>
  );
};
