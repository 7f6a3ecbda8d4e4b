import { useEffect, useState } from 'react';
import TextField from '@mui/material/TextField';
import { decisionOf, type ReviewRecord, type ReviewTarget } from '../../../../shared/review';
import { db } from '../../app/db';
import { setDecision } from './store';

/**
 * The optional note of one decision, saved when the field is left. A note needs a decision (it
 * explains a keep or a remove), and is locked once the review is signed off. `open` is the open
 * review, read once by the list that shows the notes (not once per note).
 */
export const DecisionNote = ({ open, target, label }: { open: ReviewRecord | undefined; target: ReviewTarget; label: string }) => {
  const decision = open ? decisionOf(open, target) : undefined;
  const saved = decision?.note ?? '';
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!open || !decision || text === saved) return;
    try {
      await setDecision(db, open.id, target, decision.verdict, text.trim());
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <TextField
      size="small"
      label={`Note for ${label}`}
      placeholder={decision ? 'Why keep or remove it (optional)' : 'Mark Keep or Remove first'}
      disabled={!decision}
      value={text}
      error={!!error}
      helperText={error ?? undefined}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => e.key === 'Enter' && void save()}
      slotProps={{ htmlInput: { maxLength: 2000 } }}
      sx={{ minWidth: 280, flex: 1 }}
    />
  );
};
